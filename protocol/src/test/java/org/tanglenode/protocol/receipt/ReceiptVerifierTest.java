package org.tanglenode.protocol.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionDecoder;
import org.tanglenode.protocol.ValidationResult;
import org.tanglenode.protocol.genesis.Genesis;
import org.tanglenode.protocol.genesis.GenesisFile;
import org.tanglenode.protocol.genesis.Network;
import org.tanglenode.protocol.receipt.ReceiptFixture.History;
import org.tanglenode.protocol.receipt.ReceiptVerdict.Reason;
import org.tanglenode.protocol.record.DocumentHash;
import org.tanglenode.protocol.trust.GenesisTrust;
import org.tanglenode.protocol.trust.LinkVerdict;
import org.tanglenode.protocol.trust.TrustChain;
import org.tanglenode.protocol.trust.TrustUpdates;

class ReceiptVerifierTest {

  private static final HexFormat HEX = HexFormat.of();

  private final ReceiptVerifier verifier =
      new ReceiptVerifier(new GenesisTrust(ReceiptFixture.network()));

  @Test
  void aReceiptOfEachConfirmedTransactionVerifiesAndSaysWhatItProves() {
    History history = ReceiptFixture.history();
    for (int leaf = 0; leaf < history.confirmed().size(); leaf++) {
      ReceiptVerdict verdict =
          verifier.verify(ReceiptFile.encode(ReceiptFixture.receipt(history, leaf)));

      assertThat(verdict).as("leaf %d", leaf).isInstanceOf(ReceiptVerdict.Verified.class);
      ReceiptVerdict.Verified verified = (ReceiptVerdict.Verified) verdict;
      assertThat(verified.transaction().id()).isEqualTo(history.confirmed().get(leaf).id());
      assertThat(verified.commitments().index()).isEqualTo(1);
      assertThat(verified.signers()).containsExactly(ReceiptFixture.seedOf(1).publicKey());
    }
  }

  @Test
  void parsingAnEncodedReceiptGivesItBack() throws ReceiptFormatException {
    Receipt receipt = ReceiptFixture.receipt(ReceiptFixture.history(), 1);

    assertThat(ReceiptFile.parse(ReceiptFile.encode(receipt))).isEqualTo(receipt);
  }

  @Test
  void aChangedTransactionByteIsRefusedAsAnInvalidTransaction() {
    // The last byte of the transaction is part of its signature.
    assertRefused(editHex("transaction", -1), Reason.TRANSACTION_INVALID);
  }

  @Test
  void aTransactionThatIsAnotherConfirmedTransactionIsRefusedByThePath() {
    History history = ReceiptFixture.history();
    Receipt receipt = ReceiptFixture.receipt(history, 0);
    Receipt swapped =
        new Receipt(
            receipt.version(),
            receipt.network(),
            history.confirmed().get(1).bytes(),
            receipt.milestone(),
            receipt.leafIndex(),
            receipt.path());

    assertRefused(ReceiptFile.encode(swapped), Reason.PATH_MISMATCH);
  }

  @Test
  void aChangedPathHashIsRefusedAsAPathMismatch() {
    String file = example();
    int at = file.indexOf("\"path\": [\n    \"") + "\"path\": [\n    \"".length();
    assertRefused(replaceHexDigit(file, at + 10), Reason.PATH_MISMATCH);
  }

  @Test
  void aChangedLeafIndexIsRefusedAsAPathMismatch() {
    assertRefused(
        example().replace("\"leafIndex\": 1,", "\"leafIndex\": 0,"), Reason.PATH_MISMATCH);
    assertRefused(
        example().replace("\"leafIndex\": 1,", "\"leafIndex\": 3,"), Reason.PATH_MISMATCH);
  }

  @Test
  void aChangedMilestoneByteIsRefusedAsAnInvalidMilestone() {
    assertRefused(editHex("milestone", -1), Reason.MILESTONE_INVALID);
    // Byte 40 lies in the milestone's essence, under the signature.
    assertRefused(editHex("milestone", 40), Reason.MILESTONE_INVALID);
  }

  @Test
  void aChangedCosignatureIsRefusedEvenWhenTheCosignerIsNotInTheCommittee() {
    History history = ReceiptFixture.history(ReceiptFixture.seedOf(1), ReceiptFixture.seedOf(9));
    byte[] file = ReceiptFile.encode(ReceiptFixture.receipt(history, 0));
    assertThat(verifier.verify(file).isVerified()).isTrue();

    // The cosignature is the milestone's last field: its signature's last byte ends the hex.
    String text = new String(file, StandardCharsets.UTF_8);
    int end = text.indexOf("\"", text.indexOf("\"milestone\": \"") + 14);
    assertRefused(replaceHexDigit(text, end - 1), Reason.MILESTONE_INVALID);
  }

  @Test
  void aMilestoneSignedByNoCommitteeMemberIsRefusedAsBelowThreshold() {
    History history = ReceiptFixture.history(ReceiptFixture.seedOf(7));

    assertRefused(
        new String(ReceiptFile.encode(ReceiptFixture.receipt(history, 0)), StandardCharsets.UTF_8),
        Reason.BELOW_THRESHOLD);
  }

  @Test
  void aTransactionInThePlaceOfTheMilestoneIsRefusedAsNotAMilestone() {
    History history = ReceiptFixture.history();
    Receipt receipt = ReceiptFixture.receipt(history, 0);
    Receipt wrong =
        new Receipt(
            receipt.version(),
            receipt.network(),
            receipt.transaction(),
            history.confirmed().get(2).bytes(),
            0,
            receipt.path());

    assertRefused(ReceiptFile.encode(wrong), Reason.NOT_A_MILESTONE);
  }

  @Test
  void aWhitespaceOrCaseChangeIsRefusedAsNotCanonical() {
    assertRefused(example().replace("\"version\": 1", "\"version\":  1"), Reason.NOT_CANONICAL);
    assertRefused(example().replace("{\n", "{\r\n"), Reason.NOT_CANONICAL);
    assertRefused(example() + "\n", Reason.NOT_CANONICAL);
    assertRefused(example().replace("\"leafIndex\": 1", "\"leafIndex\": 1.0"), Reason.MALFORMED);
  }

  @Test
  void anExtraOrMissingKeyOrAnotherVersionIsRefusedAsMalformed() {
    assertRefused(
        example().replace("\"version\": 1,", "\"version\": 1,\n  \"note\": \"x\","),
        Reason.MALFORMED);
    assertRefused(example().replace("  \"leafIndex\": 1,\n", ""), Reason.MALFORMED);
    assertRefused(
        example().replace("\"version\": 1,", "\"version\": 1,\n  \"version\": 1,"),
        Reason.MALFORMED);
    assertRefused(
        example().replace("\"version\": 1", "\"version\": 2"), Reason.UNSUPPORTED_VERSION);
    assertRefused("not json", Reason.MALFORMED);
  }

  @Test
  void aGenesisThatDiffersInOneByteDefinesAnotherNetworkAndRefusesTheReceipt() {
    byte[] genesis = ReceiptFixture.genesisFile();
    String text = new String(genesis, StandardCharsets.UTF_8);
    // The same parameters but one byte of the name: a genesis the parser still accepts.
    byte[] other = text.replace("\"example\"", "\"exbmple\"").getBytes(StandardCharsets.UTF_8);
    ReceiptVerifier otherVerifier = new ReceiptVerifier(new GenesisTrust(GenesisFile.parse(other)));

    ReceiptVerdict verdict = otherVerifier.verify(ReceiptFixture.exampleReceiptFile());

    assertThat(verdict).isInstanceOf(ReceiptVerdict.Refused.class);
    assertThat(((ReceiptVerdict.Refused) verdict).reason()).isEqualTo(Reason.WRONG_NETWORK);
  }

  @Test
  void aMilestoneOfACommitteeInstalledByAnUpdateVerifiesWithTheTrustChainOnly() {
    Genesis example = ReceiptFixture.genesis();
    // The example network without proof of work, as the test updates carry none.
    Network network = GenesisFile.parse(GenesisFile.encode(example.withPowDifficulty(0)));
    TrustChain chain = TrustChain.ofNetwork(network);
    LinkVerdict linked =
        chain.append(
            TrustUpdates.on(network)
                .sequence(1)
                .effective(1)
                .committee(1, ReceiptFixture.seedOf(5))
                .signedBy(ReceiptFixture.seedOf(1)));
    assertThat(linked).isInstanceOf(LinkVerdict.Linked.class);
    TrustChain updated = ((LinkVerdict.Linked) linked).chain();
    History history = ReceiptFixture.history(network, ReceiptFixture.seedOf(5));
    byte[] file = ReceiptFile.encode(ReceiptFixture.receipt(network, history, 1));

    assertThat(new ReceiptVerifier(updated).verify(file).isVerified()).isTrue();
    assertRefused(
        new ReceiptVerifier(new GenesisTrust(network)).verify(file), Reason.BELOW_THRESHOLD);
  }

  @Test
  void aTwoOfThreeCommitteeNeedsTwoMembersAndKeysOutsideItNeitherCountNorHarm() {
    Network network =
        GenesisFile.parse(GenesisFile.encode(ReceiptFixture.genesis().withPowDifficulty(0)));
    Ed25519PrivateKey a = ReceiptFixture.seedOf(5);
    Ed25519PrivateKey b = ReceiptFixture.seedOf(6);
    Ed25519PrivateKey c = ReceiptFixture.seedOf(7);
    Ed25519PrivateKey outsider = ReceiptFixture.seedOf(9);
    LinkVerdict linked =
        TrustChain.ofNetwork(network)
            .append(
                TrustUpdates.on(network)
                    .sequence(1)
                    .effective(1)
                    .committee(2, a, b, c)
                    .signedBy(ReceiptFixture.seedOf(1)));
    ReceiptVerifier twoOfThree = new ReceiptVerifier(((LinkVerdict.Linked) linked).chain());

    assertThat(twoOfThree.verify(receiptSignedBy(network, a, c)).isVerified()).isTrue();
    assertThat(twoOfThree.verify(receiptSignedBy(network, a, b, outsider)).isVerified())
        .as("an outsider's valid cosignature is tolerated, as nodes tolerate it")
        .isTrue();
    assertRefused(twoOfThree.verify(receiptSignedBy(network, a)), Reason.BELOW_THRESHOLD);
    assertRefused(twoOfThree.verify(receiptSignedBy(network, a, outsider)), Reason.BELOW_THRESHOLD);
    assertThat(twoOfThree.verify(receiptSignedBy(network, outsider, a, b)).isVerified())
        .as("an outsider may even issue the milestone when two members cosign it")
        .isTrue();
    assertRefused(twoOfThree.verify(receiptSignedBy(network, outsider, a)), Reason.BELOW_THRESHOLD);
  }

  private static byte[] receiptSignedBy(
      Network network, Ed25519PrivateKey signer, Ed25519PrivateKey... cosigners) {
    return ReceiptFile.encode(
        ReceiptFixture.receipt(network, ReceiptFixture.history(network, signer, cosigners), 1));
  }

  @Test
  void noOneByteChangeToTheGenesisLetsTheReceiptVerify() {
    byte[] genesis = ReceiptFixture.genesisFile();
    byte[] receipt = ReceiptFixture.exampleReceiptFile();
    int parsed = 0;
    for (int i = 0; i < genesis.length; i++) {
      byte[] changed = genesis.clone();
      changed[i] ^= 0x01;
      Network network;
      try {
        network = GenesisFile.parse(changed);
      } catch (IllegalArgumentException e) {
        continue; // not a genesis at all: nothing to verify against
      }
      parsed++;
      assertRefused(
          new ReceiptVerifier(new GenesisTrust(network)).verify(receipt), Reason.WRONG_NETWORK);
    }
    assertThat(parsed).as("changes that still give a genesis").isPositive();
  }

  @Test
  void aReceiptWhoseNetworkFieldAloneIsChangedIsRefusedAsWrongNetwork() {
    String file = example();
    int at = file.indexOf("\"network\": \"") + "\"network\": \"".length();
    assertRefused(replaceHexDigit(file, at), Reason.WRONG_NETWORK);
  }

  @Test
  void theAnchoredDocumentMatchesAndAChangedByteOfItIsRefusedAsAFileMismatch() {
    byte[] document = ReceiptFixture.document();
    ReceiptVerdict verdict =
        verifier.verify(ReceiptFixture.exampleReceiptFile(), DocumentHash.of(document));
    assertThat(verdict).isInstanceOf(ReceiptVerdict.Verified.class);
    assertThat(((ReceiptVerdict.Verified) verdict).file()).contains(DocumentHash.of(document));

    for (int i = 0; i < document.length; i++) {
      byte[] changed = document.clone();
      changed[i] ^= 0x20;
      assertRefused(
          verifier.verify(ReceiptFixture.exampleReceiptFile(), DocumentHash.of(changed)),
          Reason.FILE_MISMATCH);
    }
    byte[] longer = java.util.Arrays.copyOf(document, document.length + 1);
    assertRefused(
        verifier.verify(ReceiptFixture.exampleReceiptFile(), DocumentHash.of(longer)),
        Reason.FILE_MISMATCH);
  }

  @Test
  void aFileCannotMatchATransactionWithoutADocument() {
    byte[] receiptOfA = ReceiptFile.encode(ReceiptFixture.receipt(ReceiptFixture.history(), 0));

    assertRefused(
        verifier.verify(receiptOfA, DocumentHash.of(ReceiptFixture.document())),
        Reason.NO_DOCUMENT);
  }

  @Test
  void aTamperedReceiptIsRefusedForItsOwnFaultBeforeTheFileIsCompared() {
    assertRefused(
        verifier.verify(
            editHex("milestone", -1).getBytes(StandardCharsets.UTF_8),
            DocumentHash.of(ReceiptFixture.document())),
        Reason.MILESTONE_INVALID);
  }

  /**
   * Every byte of the file changed in turn (a hex digit to another hex digit, so the file still
   * parses and deeper checks run; any other byte to another value). The only changes that still
   * verify are to the milestone's nonce, the one field no signature covers: they must leave the
   * signed milestone, the transaction and the path as they were.
   */
  @Test
  void noOneByteChangeToTheReceiptChangesWhatItProves() {
    byte[] original = ReceiptFixture.exampleReceiptFile();
    Receipt receipt = ReceiptFixture.receipt(ReceiptFixture.history(), ReceiptFixture.EXAMPLE_LEAF);
    byte[] milestoneDigest = decode(receipt.milestone()).essenceDigest();
    Set<Reason> seen = EnumSet.noneOf(Reason.class);
    List<Integer> accepted = new ArrayList<>();
    for (int i = 0; i < original.length; i++) {
      byte[] changed = original.clone();
      changed[i] = changedByte(original[i]);
      ReceiptVerdict verdict = verifier.verify(changed);
      if (verdict instanceof ReceiptVerdict.Refused refused) {
        seen.add(refused.reason());
      } else {
        accepted.add(i);
        Receipt same = ((ReceiptVerdict.Verified) verdict).receipt();
        assertThat(same.transaction()).isEqualTo(receipt.transaction());
        assertThat(same.path()).usingRecursiveComparison().isEqualTo(receipt.path());
        assertThat(same.leafIndex()).isEqualTo(receipt.leafIndex());
        assertThat(decode(same.milestone()).essenceDigest()).isEqualTo(milestoneDigest);
      }
    }
    assertThat(seen)
        .contains(
            Reason.MALFORMED,
            Reason.NOT_CANONICAL,
            Reason.UNSUPPORTED_VERSION,
            Reason.WRONG_NETWORK,
            Reason.MILESTONE_INVALID,
            Reason.TRANSACTION_INVALID,
            Reason.PATH_MISMATCH);
    assertThat(accepted.size()).as("changes accepted at %s", accepted).isLessThan(4);
  }

  private static Transaction decode(byte[] bytes) {
    return ((ValidationResult.Valid) new TransactionDecoder(1 << 20).decode(bytes)).transaction();
  }

  private static byte changedByte(byte b) {
    String digits = "0123456789abcdef";
    int at = digits.indexOf((char) b);
    return at >= 0 ? (byte) digits.charAt((at + 1) % 16) : (byte) (b ^ 0x01);
  }

  private void assertRefused(String file, Reason reason) {
    assertRefused(file.getBytes(StandardCharsets.UTF_8), reason);
  }

  private void assertRefused(byte[] file, Reason reason) {
    assertRefused(verifier.verify(file), reason);
  }

  private static void assertRefused(ReceiptVerdict verdict, Reason reason) {
    assertThat(verdict).isInstanceOf(ReceiptVerdict.Refused.class);
    ReceiptVerdict.Refused refused = (ReceiptVerdict.Refused) verdict;
    assertThat(refused.reason()).as(refused.message()).isEqualTo(reason);
    assertThat(refused.message()).isNotBlank();
  }

  private static String example() {
    return new String(ReceiptFixture.exampleReceiptFile(), StandardCharsets.UTF_8);
  }

  /**
   * The example with the hex field {@code key}'s byte {@code index} (negative: from the end) +1.
   */
  private static String editHex(String key, int index) {
    String file = example();
    int start = file.indexOf("\"" + key + "\": \"") + key.length() + 5;
    int end = file.indexOf('"', start);
    byte[] bytes = HEX.parseHex(file.substring(start, end));
    int at = index < 0 ? bytes.length + index : index;
    bytes[at] = (byte) (bytes[at] + 1);
    return file.substring(0, start) + HEX.formatHex(bytes) + file.substring(end);
  }

  private static String replaceHexDigit(String file, int at) {
    char c = file.charAt(at);
    char other = c == '0' ? '1' : '0';
    return file.substring(0, at) + other + file.substring(at + 1);
  }
}
