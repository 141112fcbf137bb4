package org.counterspace.web;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns any exception from a controller into one of the friendly error pages, with the right
 * status and none of the exception's text. Errors raised outside Spring MVC reach the same
 * templates through Spring Boot's /error page.
 */
@ControllerAdvice
class ErrorPages {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    @ExceptionHandler(Exception.class)
    ModelAndView handle(Exception exception, HttpServletRequest request) throws Exception {
        if (exception instanceof AccessDeniedException || exception instanceof AuthenticationException) {
            throw exception; // Spring Security answers these: sign-in page or 403
        }
        HttpStatusCode status = statusOf(exception);
        if (status.is5xxServerError()) {
            log.error("Request {} {} failed", request.getMethod(), request.getRequestURI(), exception);
        }
        else {
            log.debug("Request {} {} answered {}: {}", request.getMethod(), request.getRequestURI(), status.value(),
                    exception.toString());
        }
        ModelAndView page = view(status);
        if (exception instanceof InputBoundary.RefusedInput refused && refused.getReason() != null) {
            page.addObject("explanation", refused.getReason());
        }
        return page;
    }

    /** The status Spring MVC itself would give, so bad input is a 4xx and only our faults are a 500. */
    static HttpStatusCode statusOf(Exception exception) {
        if (exception instanceof ErrorResponse response) {
            return response.getStatusCode();
        }
        if (exception instanceof TypeMismatchException || exception instanceof HttpMessageNotReadableException
                || exception instanceof BindException || exception instanceof InvalidParameterException) {
            return HttpStatus.BAD_REQUEST;
        }
        if (exception instanceof MaxUploadSizeExceededException) {
            return HttpStatus.CONTENT_TOO_LARGE;
        }
        ResponseStatus declared = AnnotatedElementUtils.findMergedAnnotation(exception.getClass(), ResponseStatus.class);
        return declared != null ? declared.code() : HttpStatus.INTERNAL_SERVER_ERROR;
    }

    static ModelAndView view(HttpStatusCode status) {
        String name = status.value() == 404 ? "error/404" : status.is4xxClientError() ? "error/4xx" : "error/5xx";
        ModelAndView page = new ModelAndView(name);
        page.setStatus(status);
        return page;
    }
}
