package org.counterspace.account;

import java.util.Map;

import org.springframework.web.util.HtmlUtils;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code drawn on the server as inline SVG (zxing's core finds the modules; no image library,
 * no request to anyone else): one path of dark squares, each row's runs joined, on a white square
 * with the four-module quiet zone scanners need.
 */
final class QrCodeSvg {

    private static final int QUIET_ZONE = 4;

    private QrCodeSvg() {
    }

    /** The SVG markup for this text, with an accessible name. */
    static String of(String text, String label) {
        BitMatrix modules;
        try {
            modules = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, QUIET_ZONE));
        }
        catch (WriterException e) {
            throw new IllegalArgumentException("Too long for a QR code", e);
        }
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < modules.getHeight(); y++) {
            int x = 0;
            while (x < modules.getWidth()) {
                if (!modules.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < modules.getWidth() && modules.get(x, y)) {
                    x++;
                }
                path.append('M').append(start).append(' ').append(y).append('h').append(x - start).append("v1h-")
                    .append(x - start).append('z');
            }
        }
        int size = modules.getWidth();
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr-code\" viewBox=\"0 0 " + size + " " + size
                + "\" width=\"" + size * 5 + "\" height=\"" + size * 5 + "\" role=\"img\" aria-label=\""
                + HtmlUtils.htmlEscape(label) + "\" shape-rendering=\"crispEdges\"><rect width=\"" + size + "\" height=\""
                + size + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
