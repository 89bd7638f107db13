package org.tanglenode.node.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanglenode.node.TestNodes.WRITE_TOKEN;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.crypto.keyfile.KeyFile;
import org.tanglenode.node.Http;
import org.tanglenode.node.Node;
import org.tanglenode.node.TestNodes;
import org.tanglenode.node.cli.CliRunner;
import org.tanglenode.protocol.TestNetwork;
import org.tanglenode.protocol.genesis.Genesis;
import org.tanglenode.protocol.receipt.CompactReceipt;

/**
 * A live devnet record (an anchor, confirmed by a milestone of a committee of four, threshold 2):
 * {@code tangle receipt --qr} draws its compact receipt as PNG and SVG; the test reads each image
 * back with ZXing's QR reader (the SVG painted into pixels first), and {@code tangle verify} checks
 * the bytes read, with the genesis alone, or with the milestone held for the kind without it. The
 * API gives the same compact bytes for {@code ?format=compact} and {@code Accept:
 * application/octet-stream}.
 */
class CompactReceiptQrTest {

  @TempDir Path dir;

  @Test
  void theQrCodeOfALiveRecordReadsBackAndVerifies() throws Exception {
    Path nodeDir = Files.createDirectories(dir.resolve("node"));
    Path field = Files.createDirectories(dir.resolve("field"));
    Path document = field.resolve("delivery-note.txt");
    Files.writeString(document, "Delivery note 4711: 40 boxes of water purification tablets\n");
    Genesis genesis = TestNetwork.genesis(4).withMilestoneIntervalMs(300);
    TestNodes nodes = new TestNodes(nodeDir, genesis);
    Path genesisFile = field.resolve("genesis.json");
    Files.copy(nodeDir.resolve("genesis.json"), genesisFile);
    Path receipt = field.resolve("receipt.json");
    Path compact = field.resolve("receipt.trc");
    Path png = field.resolve("label.png");
    Path svg = field.resolve("label.svg");
    byte[] viaQuery;
    byte[] viaAccept;
    try (Node node = nodes.start("coordinator", List.of(), nodes.coordinatorYaml())) {
      Http api = new Http(node.apiAddress().orElseThrow());
      String apiUrl = api.base().toString();
      Path key = dir.resolve("ngo.key");
      KeyFile.write(key, TestNetwork.key(42));
      CliRunner.Result anchored =
          CliRunner.run(
              "anchor",
              document.toString(),
              "--key",
              key.toString(),
              "--tag",
              "shipment-4711",
              "--note",
              "delivery note",
              "--api",
              apiUrl,
              "--token",
              WRITE_TOKEN,
              "--wait",
              "20");
      assertThat(anchored.exitCode()).as(anchored.err()).isZero();
      String id = field(anchored.out(), "id:");

      run("receipt", id, "--api", apiUrl, "--out", receipt.toString());
      CliRunner.Result drawn =
          run(
              "receipt",
              id,
              "--api",
              apiUrl,
              "--compact",
              "--out",
              compact.toString(),
              "--qr",
              png.toString());
      System.out.println(drawn.out());
      assertThat(drawn.out()).contains("QR code of the compact receipt", "version ");
      CliRunner.Result drawnSvg =
          run("receipt", id, "--api", apiUrl, "--without-milestone", "--qr", svg.toString());
      System.out.println(drawnSvg.out());

      viaQuery = get(api, "/api/v1/transactions/" + id + "/receipt?format=compact", "*/*");
      viaAccept = get(api, "/api/v1/transactions/" + id + "/receipt", "application/octet-stream");
      assertThat(api.get("/api/v1/transactions/" + id + "/receipt?format=xml").status())
          .isEqualTo(400);
    }
    byte[] written = Files.readAllBytes(compact);
    assertThat(CompactReceipt.looksCompact(written)).isTrue();
    assertThat(viaQuery).isEqualTo(written);
    assertThat(viaAccept).isEqualTo(written);

    byte[] fromPng = readQr(ImageIO.read(png.toFile()));
    assertThat(fromPng).isEqualTo(written);
    Path decoded = field.resolve("decoded.trc");
    Files.write(decoded, fromPng);
    CliRunner.Result verified =
        CliRunner.run(
            "verify",
            decoded.toString(),
            "--genesis",
            genesisFile.toString(),
            "--file",
            document.toString());
    assertThat(verified.exitCode()).as(verified.err()).isZero();
    assertThat(verified.out()).contains("receipt verified", "tag:          shipment-4711");

    byte[] fromSvg = readQr(paintSvg(Files.readString(svg)));
    assertThat(fromSvg.length).isLessThan(written.length);
    Path detached = field.resolve("detached.trc");
    Files.write(detached, fromSvg);
    CliRunner.Result notHeld =
        CliRunner.run("verify", detached.toString(), "--genesis", genesisFile.toString());
    assertThat(notHeld.exitCode()).isEqualTo(1);
    assertThat(notHeld.err()).contains("receipt refused: MILESTONE_NOT_HELD");
    CliRunner.Result held =
        CliRunner.run(
            "verify",
            detached.toString(),
            "--genesis",
            genesisFile.toString(),
            "--milestone",
            receipt.toString());
    assertThat(held.exitCode()).as(held.err()).isZero();
    assertThat(held.out()).contains("receipt verified");

    byte[] changed = fromPng.clone();
    changed[changed.length / 2] ^= 0x01;
    Path tampered = field.resolve("tampered.trc");
    Files.write(tampered, changed);
    CliRunner.Result refused =
        CliRunner.run("verify", tampered.toString(), "--genesis", genesisFile.toString());
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("receipt refused: ");
  }

  private static CliRunner.Result run(String... args) {
    CliRunner.Result result = CliRunner.run(args);
    assertThat(result.exitCode()).as(result.err()).isZero();
    return result;
  }

  /** The QR code's raw byte segments: the bytes encoded, whatever text a reader would make. */
  @SuppressWarnings("unchecked")
  private static byte[] readQr(BufferedImage image) throws Exception {
    int w = image.getWidth();
    int h = image.getHeight();
    LuminanceSource source = new RGBLuminanceSource(w, h, image.getRGB(0, 0, w, h, null, 0, w));
    Result result =
        new QRCodeReader()
            .decode(
                new BinaryBitmap(new HybridBinarizer(source)),
                // The image is the code as written, square to the pixel grid: read it as such.
                // ZXing's camera-photo detector misplaces the grid of about one such perfect
                // image in twelve at versions 22 to 26 (measured on 200 random receipts).
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE));
    List<byte[]> segments =
        (List<byte[]>) result.getResultMetadata().get(ResultMetadataType.BYTE_SEGMENTS);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] segment : segments) {
      out.write(segment);
    }
    return out.toByteArray();
  }

  /** Paints the SVG's modules (one "Mx yh1v1h-1z" each) at 4 pixels a module. */
  private static BufferedImage paintSvg(String svg) {
    Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
    assertThat(box.find()).isTrue();
    int n = Integer.parseInt(box.group(1));
    int scale = 4;
    BufferedImage image = new BufferedImage(n * scale, n * scale, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < n * scale; y++) {
      for (int x = 0; x < n * scale; x++) {
        image.setRGB(x, y, 0xffffff);
      }
    }
    Matcher module = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
    int dark = 0;
    while (module.find()) {
      int mx = Integer.parseInt(module.group(1));
      int my = Integer.parseInt(module.group(2));
      for (int dy = 0; dy < scale; dy++) {
        for (int dx = 0; dx < scale; dx++) {
          image.setRGB(mx * scale + dx, my * scale + dy, 0);
        }
      }
      dark++;
    }
    assertThat(dark).isPositive();
    return image;
  }

  private static byte[] get(Http api, String path, String accept)
      throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        api.client()
            .send(
                HttpRequest.newBuilder(URI.create(api.base() + path))
                    .header("Accept", accept)
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/octet-stream");
    return response.body();
  }

  private static String field(String out, String label) {
    for (String line : out.split("\n")) {
      if (line.startsWith(label)) {
        return line.substring(label.length()).trim();
      }
    }
    throw new AssertionError("no line starting with '" + label + "' in:\n" + out);
  }
}
