package org.tanglenode.protocol.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tanglenode.crypto.hash.Blake2b256;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.protocol.TestNetwork;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.genesis.GenesisFile;
import org.tanglenode.protocol.genesis.GenesisFormatException;
import org.tanglenode.protocol.genesis.Network;
import org.tanglenode.protocol.trust.GenesisTrust;
import org.tanglenode.protocol.trust.LinkVerdict;
import org.tanglenode.protocol.trust.TrustChain;
import org.tanglenode.protocol.trust.TrustFile;
import org.tanglenode.protocol.trust.TrustFileException;
import org.tanglenode.protocol.trust.TrustRoot;
import org.tanglenode.protocol.trust.TrustUpdates;

/**
 * The shared vectors of web-verifier/vectors/trust-files.json: genesis files and trust files with
 * the verdict this (Java) code gives (GenesisFile.parse, TrustFile.parse), and compact receipts
 * made after a committee change with the verdict of a verifier holding the trust file or only the
 * genesis. The JavaScript verifier must give the same verdicts (web-verifier/test). The file must
 * be what this code computes; run with {@code -Dtangle.writeVectors=true} to write it after a
 * deliberate change.
 */
class TrustVectorsTest {

  private static final HexFormat HEX = HexFormat.of();

  /** The worked example's committee: seed 1. */
  private static final Ed25519PrivateKey G1 = ReceiptFixture.seedOf(1);

  /** The committee from milestone 1 on: seed 9, threshold 1. */
  private static final Ed25519PrivateKey N1 = ReceiptFixture.seedOf(9);

  private static final Ed25519PrivateKey N2 = ReceiptFixture.seedOf(10);

  @Test
  void theSharedVectorsAreTheVerdictsOfThisCode() throws IOException {
    byte[] genesisFile = ReceiptFixture.genesisFile();
    Network network = ReceiptFixture.network();
    TrustChain genesisOnly = TrustChain.ofGenesisFile(genesisFile);
    Transaction update1 = update1(network, G1);
    Transaction update2 =
        TrustUpdates.on(network).sequence(2).effective(5).committee(2, N1, N2).signedBy(N1);
    TrustChain chain = link(link(genesisOnly, update1), update2);
    byte[] valid = TrustFile.encode(chain);

    Map<String, Object> file = new LinkedHashMap<>();
    file.put(
        "about",
        "Genesis files, trust files (docs/trust.md) and compact receipts after a committee change,"
            + " with the verdicts of the node's Java code; made by TrustVectorsTest.");
    file.put("genesisFiles", genesisVectors(new String(genesisFile, StandardCharsets.UTF_8)));
    file.put("trustFiles", trustVectors(genesisFile, network, valid, update1, update2));
    file.put("validTrustFile", HEX.formatHex(valid));
    file.put("receipts", receiptVectors(chain));
    byte[] json =
        new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(file)
            .concat("\n")
            .getBytes(StandardCharsets.UTF_8);
    Path path =
        Path.of(System.getProperty("user.dir"))
            .resolveSibling("web-verifier")
            .resolve("vectors")
            .resolve("trust-files.json");
    if (Boolean.getBoolean("tangle.writeVectors")) {
      Files.write(path, json);
    }
    assertThat(new String(Files.readAllBytes(path), StandardCharsets.UTF_8))
        .isEqualTo(new String(json, StandardCharsets.UTF_8));
  }

  /** Sequence 1 from milestone 1: committee {seed 9} threshold 1, seed 2 named "Depot North". */
  private static Transaction update1(
      Network network, Ed25519PrivateKey signer, Ed25519PrivateKey... co) {
    return TrustUpdates.on(network)
        .sequence(1)
        .effective(1)
        .committee(1, N1)
        .issuer(ReceiptFixture.seedOf(2), "Depot North")
        .signedBy(signer, co);
  }

  private static TrustChain link(TrustChain chain, Transaction update) {
    return ((LinkVerdict.Linked) chain.append(update)).chain();
  }

  private static List<Map<String, Object>> genesisVectors(String g) {
    List<Map<String, Object>> out = new ArrayList<>();
    String key = g.substring(g.indexOf("\"keys\" : [ \"") + 12, g.indexOf("\"keys\" : [ \"") + 76);
    out.add(genesis("the worked example's genesis", g));
    out.add(genesis("not JSON", "genesis"));
    out.add(genesis("empty", ""));
    out.add(genesis("a key twice", g.replaceFirst("\\{", "{ \"name\" : \"x\",")));
    out.add(genesis("something after the object", g + "}"));
    out.add(genesis("a JSON array", "[ ]"));
    out.add(
        genesis(
            "8.0 for an integer", g.replace("\"powDifficulty\" : 8", "\"powDifficulty\" : 8.0")));
    out.add(
        genesis(
            "8e0 for an integer", g.replace("\"powDifficulty\" : 8", "\"powDifficulty\" : 8e0")));
    out.add(
        genesis(
            "a string for an integer",
            g.replace("\"powDifficulty\" : 8", "\"powDifficulty\" : \"8\"")));
    out.add(
        genesis(
            "a number beyond 64 bits",
            g.replaceFirst("\"timestampMs\" : \\d+", "\"timestampMs\" : 99999999999999999999")));
    out.add(genesis("upper-case hex", g.replace(key, key.toUpperCase())));
    out.add(genesis("a hex key one digit short", g.replace(key, key.substring(1))));
    out.add(genesis("an unknown key", g.replaceFirst("\\{", "{ \"comment\" : \"x\",")));
    out.add(genesis("no limits", g.replaceFirst("\"limits\" : \\{[^}]*\\},", "")));
    out.add(
        genesis("threshold above the keys", g.replace("\"threshold\" : 1", "\"threshold\" : 2")));
    out.add(
        genesis(
            "an upper-case name", g.replace("\"name\" : \"example\"", "\"name\" : \"Example\"")));
    out.add(
        genesis("powDifficulty 65", g.replace("\"powDifficulty\" : 8", "\"powDifficulty\" : 65")));
    out.add(
        genesis(
            "maxTransactionBytes 255",
            g.replace("\"maxTransactionBytes\" : 4096", "\"maxTransactionBytes\" : 255")));
    String issuer =
        "\"allocations\" : [ ],\n  \"issuers\" : [ { \"key\" : \""
            + key
            + "\", \"organisation\" : \"%s\" } ]";
    String withIssuer = g.replace("\"allocations\" : [ ]", issuer);
    out.add(genesis("an issuer", String.format(withIssuer, "Depot North")));
    out.add(genesis("an organisation with a leading space", String.format(withIssuer, " Depot")));
    out.add(
        genesis(
            "an organisation with a trailing U+3000", String.format(withIssuer, "Depot\u3000")));
    out.add(
        genesis("an organisation with a leading U+00A0", String.format(withIssuer, "\u00a0Depot")));
    out.add(
        genesis(
            "an organisation with a trailing U+2007", String.format(withIssuer, "Depot\u2007")));
    out.add(
        genesis(
            "an organisation with a control character", String.format(withIssuer, "Dep\\u0085ot")));
    out.add(genesis("an empty organisation", String.format(withIssuer, "")));
    out.add(
        genesis("an organisation of 129 characters", String.format(withIssuer, "x".repeat(129))));
    out.add(
        genesis(
            "an organisation of 64 emoji (128 UTF-16 units)",
            String.format(withIssuer, "\ud83d\ude9a".repeat(64))));
    out.add(
        genesis(
            "an allocation of 0",
            g.replace(
                "\"allocations\" : [ ]",
                "\"allocations\" : [ { \"address\" : \"" + key + "\", \"amount\" : 0 } ]")));
    return out;
  }

  private static Map<String, Object> genesis(String name, String text) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", name);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.put("file", HEX.formatHex(bytes));
    try {
      Network network = GenesisFile.parse(bytes);
      out.put("verdict", "VALID");
      out.put("network", network.id().toHex());
    } catch (GenesisFormatException e) {
      out.put("verdict", e.code().name());
    }
    return out;
  }

  private static List<Map<String, Object>> trustVectors(
      byte[] genesisFile, Network network, byte[] valid, Transaction update1, Transaction update2) {
    List<Map<String, Object>> out = new ArrayList<>();
    String text = new String(valid, StandardCharsets.UTF_8);
    out.add(trust("a valid chain of two updates", valid));
    out.add(trust("the genesis alone", TrustFile.encode(TrustChain.ofGenesisFile(genesisFile))));
    // A cosignature changed in one byte; the id follows the bytes, so only the link can fail.
    Transaction cosigned = update1(network, G1, N2);
    byte[] broken = cosigned.bytes();
    broken[broken.length - 1] ^= 1;
    out.add(trust("a broken cosignature", fileOf(genesisFile, network, broken)));
    Transaction badIssuer = update1(network, G1);
    byte[] badIssuerBytes = badIssuer.bytes();
    badIssuerBytes[badIssuerBytes.length - 1] ^= 1;
    out.add(trust("a broken issuer signature", fileOf(genesisFile, network, badIssuerBytes)));
    out.add(
        trust(
            "updates in the wrong order",
            fileOf(genesisFile, network, update2.bytes(), update1.bytes())));
    out.add(trust("the second update alone", fileOf(genesisFile, network, update2.bytes())));
    out.add(
        trust(
            "signed by the next committee only",
            fileOf(genesisFile, network, update1(network, N1).bytes())));
    Network foreign = GenesisFile.parse(GenesisFile.encode(TestNetwork.genesis(0)));
    Transaction foreignUpdate =
        TrustUpdates.on(foreign).sequence(1).effective(1).committee(1, N1).signedBy(G1);
    out.add(
        trust("an update of another network", fileOf(genesisFile, network, foreignUpdate.bytes())));
    out.add(
        trust(
            "the network id of another network",
            text.replace(network.id().toHex(), foreign.id().toHex())
                .getBytes(StandardCharsets.UTF_8)));
    Transaction notIncreasing =
        TrustUpdates.on(network).sequence(2).effective(1).committee(2, N1, N2).signedBy(N1);
    out.add(
        trust(
            "an effective index not above the last",
            fileOf(genesisFile, network, update1.bytes(), notIncreasing.bytes())));
    Transaction data = ReceiptFixture.history().confirmed().get(0);
    out.add(trust("a data transaction as an update", fileOf(genesisFile, network, data.bytes())));
    byte[] truncated = java.util.Arrays.copyOf(update1.bytes(), update1.bytes().length - 3);
    out.add(trust("an update cut short", fileOf(genesisFile, network, truncated)));
    String id1 = update1.id().toHex();
    out.add(
        trust(
            "an id that is not the update's",
            text.replace(id1, update2.id().toHex()).getBytes(StandardCharsets.UTF_8)));
    out.add(trust("not JSON", "trust".getBytes(StandardCharsets.UTF_8)));
    out.add(trust("empty", new byte[0]));
    out.add(trust("cut off in the middle", java.util.Arrays.copyOf(valid, valid.length / 2)));
    out.add(
        trust(
            "another format",
            text.replace("tangle-trust-1", "tangle-trust-2").getBytes(StandardCharsets.UTF_8)));
    out.add(
        trust(
            "upper-case hex",
            text.replace(id1, id1.toUpperCase()).getBytes(StandardCharsets.UTF_8)));
    out.add(
        trust(
            "a key twice",
            text.replaceFirst("\\{", "{\n  \"format\": \"x\",").getBytes(StandardCharsets.UTF_8)));
    out.add(
        trust(
            "an unknown key",
            text.replaceFirst("\\{", "{\n  \"comment\": \"x\",").getBytes(StandardCharsets.UTF_8)));
    out.add(trust("something after the object", (text + "}").getBytes(StandardCharsets.UTF_8)));
    out.add(trust("CR LF line ends", text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
    out.add(trust("no final newline", text.strip().getBytes(StandardCharsets.UTF_8)));
    out.add(
        trust(
            "updates not an array",
            text.replaceFirst("\"updates\": \\[(?s).*\\]\n}", "\"updates\": 1\n}")
                .getBytes(StandardCharsets.UTF_8)));
    String badGenesis = HEX.formatHex("{}".getBytes(StandardCharsets.UTF_8));
    out.add(
        trust(
            "an invalid genesis inside",
            text.replace(HEX.formatHex(genesisFile), badGenesis)
                .replace(
                    network.id().toHex(),
                    HEX.formatHex(Blake2b256.digest("{}".getBytes(StandardCharsets.UTF_8))))
                .getBytes(StandardCharsets.UTF_8)));
    // Each byte of the valid file with its lowest bit changed, named by the change.
    for (int i = 0; i < valid.length; i++) {
      byte[] changed = valid.clone();
      changed[i] ^= 1;
      Map<String, Object> vector = verdict(changed);
      Map<String, Object> named = new LinkedHashMap<>();
      named.put("name", "byte " + i + " xor 1");
      named.put("changeOfValid", List.of(i, 1));
      named.putAll(vector);
      out.add(named);
    }
    return out;
  }

  /** A trust file in TrustFile's layout around any update bytes, each id the hash of its bytes. */
  private static byte[] fileOf(byte[] genesisFile, Network network, byte[]... updates) {
    StringBuilder out = new StringBuilder();
    out.append("{\n  \"format\": \"tangle-trust-1\",\n");
    out.append("  \"network\": \"").append(network.id().toHex()).append("\",\n");
    out.append("  \"genesis\": \"").append(HEX.formatHex(genesisFile)).append("\",\n");
    out.append("  \"updates\": [\n");
    List<String> entries = new ArrayList<>();
    for (byte[] update : updates) {
      entries.add(
          "    {\n      \"id\": \""
              + HEX.formatHex(Blake2b256.digest(update))
              + "\",\n      \"transaction\": \""
              + HEX.formatHex(update)
              + "\"\n    }");
    }
    out.append(String.join(",\n", entries)).append("\n  ]\n}\n");
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, Object> trust(String name, byte[] bytes) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", name);
    out.put("file", HEX.formatHex(bytes));
    out.putAll(verdict(bytes));
    return out;
  }

  private static Map<String, Object> verdict(byte[] bytes) {
    Map<String, Object> out = new LinkedHashMap<>();
    try {
      TrustChain chain = TrustFile.parse(bytes);
      out.put("verdict", "VALID");
      out.put("updates", chain.updates().size());
      out.put("lastEffectiveIndex", chain.lastEffectiveIndex());
    } catch (TrustFileException e) {
      out.put("verdict", e.reason());
    }
    return out;
  }

  private static List<Map<String, Object>> receiptVectors(TrustChain chain) {
    List<Map<String, Object>> out = new ArrayList<>();
    TrustRoot genesis = new GenesisTrust(chain.network());
    byte[] example =
        CompactReceipt.encode(
            ReceiptFixture.receipt(ReceiptFixture.history(), ReceiptFixture.EXAMPLE_LEAF));
    byte[] newCommittee =
        CompactReceipt.encode(
            ReceiptFixture.receipt(ReceiptFixture.history(N1), ReceiptFixture.EXAMPLE_LEAF));
    byte[] bothCommittees =
        CompactReceipt.encode(
            ReceiptFixture.receipt(ReceiptFixture.history(N1, G1), ReceiptFixture.EXAMPLE_LEAF));
    out.add(
        receipt(
            "milestone 1 signed by the new committee, with the trust file",
            newCommittee,
            chain,
            "trust"));
    out.add(
        receipt(
            "milestone 1 signed by the new committee, with the genesis only",
            newCommittee,
            genesis,
            "genesis"));
    out.add(
        receipt(
            "milestone 1 signed by the retired committee, with the trust file",
            example,
            chain,
            "trust"));
    out.add(
        receipt(
            "milestone 1 signed by the retired committee, with the genesis only",
            example,
            genesis,
            "genesis"));
    out.add(
        receipt("milestone 1 signed by both, with the trust file", bothCommittees, chain, "trust"));
    out.add(
        receipt(
            "milestone 1 signed by both, with the genesis only",
            bothCommittees,
            genesis,
            "genesis"));
    return out;
  }

  private static Map<String, Object> receipt(
      String name, byte[] compact, TrustRoot root, String with) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", name);
    out.put("compact", HEX.formatHex(compact));
    out.put("trust", with);
    ReceiptVerdict verdict =
        new ReceiptVerifier(root).verifyCompact(compact, index -> Optional.empty());
    if (verdict instanceof ReceiptVerdict.Verified verified) {
      out.put("verdict", "VERIFIED");
      out.put("organisation", verified.issuerOrganisation().orElse(null));
    } else {
      out.put("verdict", ((ReceiptVerdict.Refused) verdict).reason().name());
    }
    return out;
  }
}
