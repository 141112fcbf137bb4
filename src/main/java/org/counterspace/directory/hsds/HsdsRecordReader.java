package org.counterspace.directory.hsds;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the service records of an HSDS JSON file (an array of service objects, one object, or a page
 * of the HSDS API with its {@code contents}) one at a time, so even a very large file is never held as
 * a whole. Bytes that are not UTF-8 refuse the file rather than import replacement characters.
 */
final class HsdsRecordReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Opens the file again: an import reads it twice, first to check every record, then to import. */
    @FunctionalInterface
    interface Source {

        InputStream open() throws IOException;
    }

    private HsdsRecordReader() {
    }

    /** Strict UTF-8 text of a whole (small) file. */
    static String utf8(byte[] bytes) throws CharacterCodingException {
        return strictUtf8().decode(ByteBuffer.wrap(bytes)).toString();
    }

    /**
     * Visits every record in order, with its JSON pointer in the file ("/12", "/contents/3", or "" for a
     * file of one object); answers a problem with the whole file, or null.
     */
    static String eachRecord(Source source, BiConsumer<JsonNode, String> visit) {
        try (Reader reader = new InputStreamReader(source.open(), strictUtf8());
                JsonParser parser = JSON.createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                JsonNode object = parser.readValueAsTree();
                // a page of the HSDS API (service_list.json): its contents are the records
                if (object.path("contents").isArray() && object.has("total_items")) {
                    int index = 0;
                    for (JsonNode record : object.path("contents")) {
                        visit.accept(record, "/contents/" + index++);
                    }
                }
                else {
                    visit.accept(object, "");
                }
                return null;
            }
            if (first != JsonToken.START_ARRAY) {
                return first == null ? "The file is empty." : "Expected an array of HSDS service objects.";
            }
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                visit.accept(parser.readValueAsTree(), "/" + index++);
            }
            return null;
        }
        catch (JacksonException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                return "The file is not valid UTF-8 text.";
            }
            return "The file is not valid JSON (line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
                    + ").";
        }
        catch (CharacterCodingException e) {
            return "The file is not valid UTF-8 text.";
        }
        catch (IOException e) {
            return "The file could not be read.";
        }
    }

    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
