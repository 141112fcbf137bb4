package org.counterspace.web;

import org.springframework.util.unit.DataSize;

/**
 * An endpoint that takes a file, declared as a bean by the feature that owns it. Only these
 * endpoints ever have a multipart body read, and only after Spring Security has let the request
 * through (signed in, CSRF token checked); see {@link UploadGate}.
 *
 * @param path the POST path, exactly
 * @param maxFileSize the largest file it takes; a body clearly larger is refused before it is read
 * @param formPage the page with the upload form, linked from the "too large" page
 */
public record UploadLimit(String path, DataSize maxFileSize, String formPage) {

    /** Room for the form's other fields and the multipart boundaries around the file. */
    static final long ENVELOPE_BYTES = 64 * 1024;

    boolean refuses(long contentLength) {
        return contentLength > maxFileSize.toBytes() + ENVELOPE_BYTES;
    }
}
