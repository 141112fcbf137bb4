package org.counterspace.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;

/**
 * Spring Boot's {@code /error} page, which renders the error templates for errors raised outside
 * Spring MVC, except that {@code /error} asked for by its address is a page that does not exist
 * (404): Spring Boot takes it for an error without a status and answers 500.
 */
@Controller
class ErrorPageController extends BasicErrorController {

    ErrorPageController(ErrorAttributes errorAttributes, WebProperties web, ObjectProvider<ErrorViewResolver> views) {
        super(errorAttributes, web.getError(), views.orderedStream().toList());
    }

    @Override
    protected HttpStatus getStatus(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
            return HttpStatus.NOT_FOUND;
        }
        return super.getStatus(request);
    }
}
