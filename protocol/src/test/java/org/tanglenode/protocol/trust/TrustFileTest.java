package org.tanglenode.protocol.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.protocol.TestNetwork;

class TrustFileTest {

  private static final Ed25519PrivateKey G1 = TestNetwork.committeeKeys().get(0);
  private static final Ed25519PrivateKey G2 = TestNetwork.committeeKeys().get(1);
  private static final Ed25519PrivateKey N1 = TestNetwork.key(201);

  private final TrustChain genesis = TrustChain.ofGenesisFile(TrustChainTest.genesisFile());

  /** Two updates: committee {N1} threshold 1 from index 10, then an issuer named from 20. */
  private TrustChain twoUpdates() {
    TrustChain one =
        ((LinkVerdict.Linked)
                genesis.append(
                    TrustUpdates.on(genesis.network())
                        .sequence(1)
                        .effective(10)
                        .committee(1, N1)
                        .signedBy(G1, G2)))
            .chain();
    return ((LinkVerdict.Linked)
            one.append(
                TrustUpdates.on(genesis.network())
                    .sequence(2)
                    .effective(20)
                    .issuer(TestNetwork.key(8), "Depot South")
                    .signedBy(N1)))
        .chain();
  }

  @Test
  void aChainRoundTripsThroughAFileByteForByte(@TempDir Path dir) {
    TrustChain chain = twoUpdates();
    Path file = dir.resolve("trust.json");
    TrustFile.write(chain, file);

    TrustChain read = TrustFile.read(file);

    assertThat(read.network().id()).isEqualTo(chain.network().id());
    assertThat(read.genesisFile()).isEqualTo(TrustChainTest.genesisFile());
    assertThat(read.updates()).containsExactlyElementsOf(chain.updates());
    assertThat(read.committeeAt(9)).isEqualTo(chain.committeeAt(9));
    assertThat(read.committeeAt(10)).isEqualTo(chain.committeeAt(10));
    assertThat(read.organisationAt(TestNetwork.key(8).publicKey(), 20)).contains("Depot South");
    assertThat(TrustFile.encode(read)).isEqualTo(TrustFile.encode(chain));
  }

  @Test
  void parseRefusesBytesOverTheFileLimitAsReadDoes() {
    assertThatThrownBy(() -> TrustFile.parse(new byte[TrustFile.MAX_FILE_BYTES + 1]))
        .isInstanceOfSatisfying(
            TrustFileException.class,
            e -> assertThat(e.code()).isEqualTo(TrustFileException.Code.UNREADABLE));
  }

  @Test
  void aGenesisOnlyChainRoundTrips() {
    byte[] bytes = TrustFile.encode(genesis);
    assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"updates\": []");
    assertThat(TrustFile.parse(bytes).updates()).isEmpty();
  }

  @Test
  void everyOneByteChangeIsRefused() {
    byte[] bytes = TrustFile.encode(twoUpdates());
    for (int i = 0; i < bytes.length; i++) {
      byte[] changed = bytes.clone();
      changed[i] ^= 0x01;
      int position = i;
      assertThatThrownBy(() -> TrustFile.parse(changed))
          .as("byte %d changed", position)
          .isInstanceOf(TrustFileException.class);
    }
  }

  @Test
  void aMissingUpdateBreaksTheLinkOfTheNext() {
    String text = new String(TrustFile.encode(twoUpdates()), StandardCharsets.UTF_8);
    int first = text.indexOf("    {");
    int second = text.indexOf("    {", first + 1);
    String withoutFirst = text.substring(0, first) + text.substring(second);

    TrustFileException e =
        catchThrowableOfType(
            () -> TrustFile.parse(withoutFirst.getBytes(StandardCharsets.UTF_8)),
            TrustFileException.class);

    assertThat(e.code()).isEqualTo(TrustFileException.Code.BROKEN_LINK);
    assertThat(e.linkCode()).contains(LinkVerdict.Code.WRONG_SEQUENCE);
  }

  @Test
  void typedErrorsNameWhatIsWrong(@TempDir Path dir) throws Exception {
    String text = new String(TrustFile.encode(genesis), StandardCharsets.UTF_8);
    assertThat(code(text.replace("\"format\"", "\"formats\"")))
        .isEqualTo(TrustFileException.Code.MALFORMED);
    assertThat(code(text.replace("tangle-trust-1", "tangle-trust-2")))
        .isEqualTo(TrustFileException.Code.UNSUPPORTED_FORMAT);
    assertThat(code(text.replace("\n", "\r\n"))).isEqualTo(TrustFileException.Code.NON_CANONICAL);
    assertThat(code("[]")).isEqualTo(TrustFileException.Code.MALFORMED);
    Path missing = dir.resolve("missing.json");
    assertThatThrownBy(() -> TrustFile.read(missing))
        .isInstanceOfSatisfying(
            TrustFileException.class,
            e -> assertThat(e.code()).isEqualTo(TrustFileException.Code.UNREADABLE));
  }

  private static TrustFileException.Code code(String text) {
    return catchThrowableOfType(
            () -> TrustFile.parse(text.getBytes(StandardCharsets.UTF_8)), TrustFileException.class)
        .code();
  }
}
