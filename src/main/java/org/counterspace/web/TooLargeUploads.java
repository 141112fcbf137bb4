package org.counterspace.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * "This file is too large (limit N MB)", with a way back to the form, for an upload over its
 * endpoint's limit (or over the server-wide one) where the feature has no page of its own for it.
 * Ordered before {@link ErrorPages}, whose catch-all would otherwise answer first.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class TooLargeUploads {

    private final DataSize serverWide;

    TooLargeUploads(MultipartProperties multipart) {
        this.serverWide = multipart.getMaxFileSize();
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(MaxUploadSizeExceededException exception, HttpServletRequest request) {
        UploadLimit limit = request.getAttribute(UploadGate.REFUSED_BY) instanceof UploadLimit refusedBy ? refusedBy : null;
        long bytes = exception.getMaxUploadSize() > 0 ? exception.getMaxUploadSize() : serverWide.toBytes();
        ModelAndView page = new ModelAndView("error/too-large");
        page.setStatus(HttpStatus.CONTENT_TOO_LARGE);
        page.addObject("limitMegabytes", DataSize.ofBytes(bytes).toMegabytes());
        page.addObject("formPage", limit == null ? null : limit.formPage());
        return page;
    }
}
