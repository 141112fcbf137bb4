package org.counterspace.web;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Uploads that cannot be taken, where the feature has no page of its own for them: "This file is too
 * large (limit N MB)", with a way back to the form, for one over its endpoint's limit (or the
 * server-wide one); the calm 400 page, quietly, for a multipart body that cannot be parsed. Ordered
 * before {@link ErrorPages}, whose catch-all would otherwise answer first (and take a broken body
 * for a fault of ours).
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadErrorPages {

    private static final Logger log = LoggerFactory.getLogger(UploadErrorPages.class);

    private final DataSize serverWide;

    UploadErrorPages(MultipartProperties multipart) {
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

    @ExceptionHandler(MultipartException.class)
    ModelAndView unreadable(MultipartException exception, HttpServletRequest request) {
        log.debug("Request {} {} answered 400: {}", request.getMethod(), request.getRequestURI(), exception.toString());
        return ErrorPages.view(HttpStatus.BAD_REQUEST);
    }
}
