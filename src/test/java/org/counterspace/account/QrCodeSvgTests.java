package org.counterspace.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** The QR code drawn as SVG reads back as the text it was drawn from. */
class QrCodeSvgTests {

    static final Pattern SIZE = Pattern.compile("viewBox=\"0 0 (\\d+) \\1\"");

    static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\3z");

    @Test
    void theDrawnCodeScansBackToTheSetupLink() throws Exception {
        String link = "otpauth://totp/Counterspace?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Counterspace"
                + "&algorithm=SHA1&digits=6&period=30";
        String svg = QrCodeSvg.of(link, "QR code for <your> app");
        assertThat(svg).startsWith("<svg").contains("role=\"img\"", "aria-label=\"QR code for &lt;your&gt; app\"")
            .doesNotContain("<image", "href");

        Matcher size = SIZE.matcher(svg);
        assertThat(size.find()).isTrue();
        int modules = Integer.parseInt(size.group(1));
        int scale = 4;
        int[] pixels = new int[modules * scale * modules * scale];
        Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher run = RUN.matcher(svg);
        while (run.find()) {
            int x = Integer.parseInt(run.group(1));
            int y = Integer.parseInt(run.group(2));
            int width = Integer.parseInt(run.group(3));
            for (int py = y * scale; py < (y + 1) * scale; py++) {
                Arrays.fill(pixels, py * modules * scale + x * scale, py * modules * scale + (x + width) * scale,
                        0xFF000000);
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(
                new HybridBinarizer(new RGBLuminanceSource(modules * scale, modules * scale, pixels)));
        assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo(link);
    }
}
