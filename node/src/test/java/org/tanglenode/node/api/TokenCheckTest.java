package org.tanglenode.node.api;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tanglenode.node.config.ApiConfig;
import org.tanglenode.node.config.ConfigLoader;

class TokenCheckTest {

  private static ApiConfig api(String yaml) {
    return new ConfigLoader(Map.of()).parse(yaml, Path.of("."), "test").api();
  }

  private static int status(TokenCheck check, Access access, String header) {
    try {
      check.check(access, header);
      return 200;
    } catch (ApiException e) {
      return e.status();
    }
  }

  @Test
  void protectedReadsTakeAnyConfiguredToken() {
    TokenCheck check =
        new TokenCheck(
            api(
                "api:\n  readProtected: true\n  readToken: read-token-0123456789\n"
                    + "  writeToken: write-token-0123456789\n"));

    assertThatThrownBy(() -> check.check(Access.READ, null)).isInstanceOf(ApiException.class);
    assertThatCode(() -> check.check(Access.READ, "Bearer read-token-0123456789"))
        .doesNotThrowAnyException();
    assertThatCode(() -> check.check(Access.READ, "Bearer write-token-0123456789"))
        .doesNotThrowAnyException();
    org.assertj.core.api.Assertions.assertThat(
            status(check, Access.READ, "Bearer nope-nope-nope-nope"))
        .isEqualTo(403);
    org.assertj.core.api.Assertions.assertThat(status(check, Access.READ, "Basic abc"))
        .isEqualTo(401);
  }

  @Test
  void openReadsAndOpenSubmitNeedNoToken() {
    TokenCheck check = new TokenCheck(api("api:\n  openSubmit: true\n"));

    assertThatCode(() -> check.check(Access.READ, null)).doesNotThrowAnyException();
    assertThatCode(() -> check.check(Access.SUBMIT, null)).doesNotThrowAnyException();
    org.assertj.core.api.Assertions.assertThat(status(check, Access.WRITE, null)).isEqualTo(403);
    org.assertj.core.api.Assertions.assertThat(status(check, Access.ADMIN, "Bearer x"))
        .isEqualTo(403);
  }
}
