package org.tanglenode.crypto.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tanglenode.crypto.TestVectors;
import org.tanglenode.crypto.merkle.ProofVerdict.Code;

/**
 * The RFC 6962 vectors of transparency-dev/merkle, run with SHA-256: every happy path verifies,
 * every case marked {@code wantErr} is rejected.
 */
class Rfc6962VectorsTest {

  private static final MerkleHasher SHA256 = MerkleHasher.sha256();

  /** The files on disk; a wrong path or a lost file must fail, not pass with fewer cases. */
  private static final int INCLUSION_FILES = 98;

  private static final int CONSISTENCY_FILES = 98;

  /**
   * Where this implementation is stricter than the reference. The Go verifier accepts two equal
   * 12-byte "roots" for equal sizes without looking at them; we reject any root that is not a
   * digest of the tree's hash function.
   */
  private static final Map<String, Code> STRICTER =
      Map.of(
          "consistency/additional/sizes-are-equal-one-and-proof-is-empty.json",
          Code.WRONG_HASH_LENGTH);

  /** The leaf data of the tree the happy paths are built over (Certificate Transparency's). */
  private static final List<byte[]> CT_LEAVES =
      Stream.of(
              "",
              "00",
              "10",
              "2021",
              "3031",
              "40414243",
              "5051525354555657",
              "606162636465666768696a6b6c6d6e6f")
          .map(HexFormat.of()::parseHex)
          .toList();

  static Stream<Arguments> inclusionCases() {
    return cases("inclusion", INCLUSION_FILES);
  }

  static Stream<Arguments> consistencyCases() {
    return cases("consistency", CONSISTENCY_FILES);
  }

  static Stream<Arguments> happyInclusionCases() {
    return happyPaths(inclusionCases());
  }

  static Stream<Arguments> happyConsistencyCases() {
    return happyPaths(consistencyCases());
  }

  private static Stream<Arguments> happyPaths(Stream<Arguments> cases) {
    List<Arguments> happy =
        cases.filter(a -> ((String) a.get()[0]).endsWith("/happy-path.json")).toList();
    assertThat(happy).hasSize(5);
    return happy.stream();
  }

  @Test
  void findsEveryVectorFileAndBothOutcomes() {
    List<Path> inclusion = files("inclusion");
    List<Path> consistency = files("consistency");

    assertThat(inclusion).hasSize(INCLUSION_FILES);
    assertThat(consistency).hasSize(CONSISTENCY_FILES);
    assertThat(inclusion.stream().filter(p -> !wantErr(p))).hasSize(6);
    assertThat(consistency.stream().filter(p -> !wantErr(p))).hasSize(6);
    assertThat(
            Stream.concat(inclusion.stream(), consistency.stream())
                .map(Rfc6962VectorsTest::relative))
        .containsAll(STRICTER.keySet());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inclusionCases")
  void inclusionVector(String name, JsonNode c) {
    boolean wantErr = c.get("wantErr").asBoolean();
    OptionalLong index = nonNegativeLong(c.get("leafIdx"));
    OptionalLong size = nonNegativeLong(c.get("treeSize"));
    if (index.isEmpty() || size.isEmpty()) {
      // An index of 2^64 - 1 fits no Java long: the decoder of a proof rejects it.
      assertThat(wantErr).as("%s: %s", name, c.get("desc").asText()).isTrue();
      return;
    }
    InclusionProof proof = new InclusionProof(index.getAsLong(), size.getAsLong(), hashes(c));

    ProofVerdict verdict = proof.verify(SHA256, bytes(c, "leafHash"), bytes(c, "root"));

    assertOutcome(name, c, verdict);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("consistencyCases")
  void consistencyVector(String name, JsonNode c) {
    ConsistencyProof proof =
        new ConsistencyProof(c.get("size1").asLong(), c.get("size2").asLong(), hashes(c));

    ProofVerdict verdict = proof.verify(SHA256, bytes(c, "root1"), bytes(c, "root2"));

    assertOutcome(name, c, verdict);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("happyInclusionCases")
  void happyInclusionPathsAreWhatBothTreesGenerate(String name, JsonNode c) {
    int index = c.get("leafIdx").asInt();
    int size = c.get("treeSize").asInt();
    InclusionProof expected = new InclusionProof(index, size, hashes(c));

    assertThat(listTree().inclusionProof(index, size)).isEqualTo(expected);
    assertThat(historyTree().inclusionProof(index, size)).isEqualTo(expected);
    assertThat(historyTree().root(size)).isEqualTo(bytes(c, "root"));
    assertThat(listTree().leafHash(index)).isEqualTo(bytes(c, "leafHash"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("happyConsistencyCases")
  void happyConsistencyProofsAreWhatBothTreesGenerate(String name, JsonNode c) {
    int oldSize = c.get("size1").asInt();
    int newSize = c.get("size2").asInt();
    ConsistencyProof expected = new ConsistencyProof(oldSize, newSize, hashes(c));

    assertThat(listTree().consistencyProof(oldSize, newSize)).isEqualTo(expected);
    assertThat(historyTree().consistencyProof(oldSize, newSize)).isEqualTo(expected);
    assertThat(listTree().root(oldSize)).isEqualTo(bytes(c, "root1"));
    assertThat(listTree().root(newSize)).isEqualTo(bytes(c, "root2"));
  }

  private static void assertOutcome(String name, JsonNode c, ProofVerdict verdict) {
    String desc = c.get("desc").asText();
    if (STRICTER.containsKey(name)) {
      assertThat(verdict.code()).as("%s: %s", name, desc).isEqualTo(STRICTER.get(name));
    } else if (c.get("wantErr").asBoolean()) {
      assertThat(verdict.isAccepted()).as("%s: %s must be rejected", name, desc).isFalse();
    } else {
      assertThat(verdict).as("%s: %s", name, desc).isEqualTo(ProofVerdict.accept());
    }
  }

  private static MerkleTree listTree() {
    return MerkleTree.ofLeafData(SHA256, CT_LEAVES);
  }

  private static HistoryTree historyTree() {
    HistoryTree tree = HistoryTree.inMemory(SHA256);
    CT_LEAVES.forEach(leaf -> tree.append(SHA256.leafHash(leaf)));
    return tree;
  }

  private static Stream<Arguments> cases(String kind, int expectedFiles) {
    List<Arguments> cases = new ArrayList<>();
    for (Path file : files(kind)) {
      cases.add(Arguments.of(relative(file), TestVectors.json(file)));
    }
    assertThat(cases).hasSize(expectedFiles);
    return cases.stream();
  }

  private static List<Path> files(String kind) {
    Path root = TestVectors.dir().resolve("rfc6962-sha256").resolve(kind);
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String relative(Path file) {
    return TestVectors.dir()
        .resolve("rfc6962-sha256")
        .relativize(file)
        .toString()
        .replace('\\', '/');
  }

  private static boolean wantErr(Path file) {
    return TestVectors.json(file).get("wantErr").asBoolean();
  }

  private static OptionalLong nonNegativeLong(JsonNode number) {
    BigInteger value = number.bigIntegerValue();
    if (value.signum() < 0 || value.bitLength() > 63) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(value.longValueExact());
  }

  private static byte[] bytes(JsonNode c, String field) {
    return Base64.getDecoder().decode(c.get(field).asText());
  }

  private static List<byte[]> hashes(JsonNode c) {
    List<byte[]> hashes = new ArrayList<>();
    JsonNode proof = c.get("proof");
    if (proof != null && !proof.isNull()) {
      proof.forEach(h -> hashes.add(Base64.getDecoder().decode(h.asText())));
    }
    return hashes;
  }
}
