package org.counterspace.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.hibernate.exception.JDBCConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
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
 * templates through Spring Boot's /error page, except the database being out of reach, which
 * {@link StorageOutagePage} answers.
 */
@ControllerAdvice
class ErrorPages {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    @ExceptionHandler(Exception.class)
    ModelAndView handle(Exception exception, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        if (exception instanceof AccessDeniedException || exception instanceof AuthenticationException) {
            throw exception; // Spring Security answers these: sign-in page or 403
        }
        HttpStatusCode status = statusOf(exception);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            // one line: while the database is away every request would otherwise log a whole trace
            log.warn("Request {} {} answered 503: {}", request.getMethod(), request.getRequestURI(),
                    StorageOutagePage.reason(exception));
            response.setHeader("Retry-After", StorageOutagePage.RETRY_AFTER);
        }
        else if (status.is5xxServerError()) {
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
        if (storageUnreachable(exception)) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
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

    /**
     * Whether the database could not be reached: it is down or restarting (connection refused, or
     * its connection cut by a shutdown: SQLState class 08 or 57P0x), or no connection came free
     * within the pool's {@code connection-timeout}, or the connection in hand was one the pool had
     * already closed because it broke (Hikari's "Connection is closed", on a rollback or the next
     * statement, carries no SQLState). Such a request did nothing, and trying again in a minute will work, so it is a 503,
     * not a fault in the request or in the code.
     */
    static boolean storageUnreachable(Throwable exception) {
        Throwable previous = null;
        for (Throwable cause = exception; cause != null && cause != previous; cause = cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof JDBCConnectionException || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLException sql && connectionLost(sql)) {
                return true;
            }
            previous = cause;
        }
        return false;
    }

    private static boolean connectionLost(SQLException exception) {
        String state = exception.getSQLState();
        if (state == null) {
            return String.valueOf(exception.getMessage()).toLowerCase(Locale.ROOT).contains("closed");
        }
        return state.startsWith("08") || state.startsWith("57P0");
    }

    static ModelAndView view(HttpStatusCode status) {
        String name = status.value() == 404 ? "error/404"
                : status.value() == 503 ? "error/503"
                : status.is4xxClientError() ? "error/4xx" : "error/5xx";
        ModelAndView page = new ModelAndView(name);
        page.setStatus(status);
        return page;
    }
}
