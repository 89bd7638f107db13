package org.tanglenode.node.cli;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A compact receipt drawn as one QR code at error-correction level M, in byte mode, at the smallest
 * version that holds it (docs/receipts.md section 8.4), with the 4-module quiet zone the standard
 * asks for. Written as SVG (scales to any printer) or PNG.
 */
final class ReceiptQrCode {

  /** What a version 40 code at level M holds in byte mode: the largest receipt drawn. */
  static final int MAX_BYTES = 2331;

  /** The margin of light modules around the code that scanners need to find it. */
  static final int QUIET_ZONE = 4;

  private final QRCode code;

  private ReceiptQrCode(QRCode code) {
    this.code = code;
  }

  /**
   * The QR code of {@code compact}.
   *
   * @throws IllegalArgumentException if it is longer than {@link #MAX_BYTES}
   */
  static ReceiptQrCode of(byte[] compact) {
    if (compact.length > MAX_BYTES) {
      throw new IllegalArgumentException(
          "the compact receipt has "
              + compact.length
              + " bytes, one QR code at level M holds at most "
              + MAX_BYTES);
    }
    // ISO-8859-1 maps each byte to one char and back; it is ZXing's default for byte mode, so
    // no ECI header is written and any reader's raw byte segment is the receipt.
    String latin1 = new String(compact, StandardCharsets.ISO_8859_1);
    try {
      return new ReceiptQrCode(Encoder.encode(latin1, ErrorCorrectionLevel.M));
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot draw the receipt as a QR code: " + e, e);
    }
  }

  /** The QR version, 1 to 40. */
  int version() {
    return code.getVersion().getVersionNumber();
  }

  /** Modules a side, quiet zone included. */
  int size() {
    return code.getMatrix().getWidth() + 2 * QUIET_ZONE;
  }

  private boolean dark(int x, int y) {
    ByteMatrix matrix = code.getMatrix();
    int mx = x - QUIET_ZONE;
    int my = y - QUIET_ZONE;
    return mx >= 0
        && my >= 0
        && mx < matrix.getWidth()
        && my < matrix.getHeight()
        && matrix.get(mx, my) == 1;
  }

  /** An SVG of one path, each module {@code moduleMm} millimetres wide when printed. */
  byte[] svg(double moduleMm) {
    int n = size();
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < n; y++) {
      for (int x = 0; x < n; x++) {
        if (dark(x, y)) {
          path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
        }
      }
    }
    String mm = String.format(Locale.ROOT, "%.2fmm", n * moduleMm);
    String svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""
            + mm
            + "\" height=\""
            + mm
            + "\" viewBox=\"0 0 "
            + n
            + " "
            + n
            + "\" shape-rendering=\"crispEdges\">\n"
            + "<rect width=\""
            + n
            + "\" height=\""
            + n
            + "\" fill=\"#fff\"/>\n"
            + "<path fill=\"#000\" d=\""
            + path
            + "\"/>\n"
            + "</svg>\n";
    return svg.getBytes(StandardCharsets.UTF_8);
  }

  /** A black and white PNG, {@code pixelsPerModule} pixels a module. */
  byte[] png(int pixelsPerModule) {
    if (pixelsPerModule < 1 || pixelsPerModule > 64) {
      throw new IllegalArgumentException("pixels a module: 1 to 64, not " + pixelsPerModule);
    }
    int n = size();
    int side = n * pixelsPerModule;
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        image.setRGB(
            x, y, dark(x / pixelsPerModule, y / pixelsPerModule) ? 0xff000000 : 0xffffffff);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
