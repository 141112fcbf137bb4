package org.counterspace.safety;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

/**
 * A browser drops the query string of a GET form's action, so discreet=1 would be lost at the first
 * search. Thymeleaf asks the {@link RequestDataValueProcessor} (Spring Security's, which adds the CSRF
 * field to POST forms) for hidden fields on every {@code th:action} form: this wraps it and adds
 * {@code discreet=1} to GET forms while a visitor is in discreet mode.
 */
@Component
class DiscreetGetForms implements BeanPostProcessor {

    static final String BEAN_NAME = "requestDataValueProcessor";

    private static final String GET_FORM = DiscreetGetForms.class.getName() + ".GET_FORM";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (BEAN_NAME.equals(beanName) && bean instanceof RequestDataValueProcessor processor) {
            return new CarryingProcessor(processor);
        }
        return bean;
    }

    record CarryingProcessor(RequestDataValueProcessor delegate) implements RequestDataValueProcessor {

        @Override
        public String processAction(HttpServletRequest request, String action, String method) {
            request.setAttribute(GET_FORM, "GET".equalsIgnoreCase(method));
            return delegate.processAction(request, action, method);
        }

        @Override
        public String processFormFieldValue(HttpServletRequest request, String name, String value, String type) {
            return delegate.processFormFieldValue(request, name, value, type);
        }

        @Override
        public Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
            Map<String, String> fields = delegate.getExtraHiddenFields(request);
            if (Boolean.TRUE.equals(request.getAttribute(GET_FORM)) && SafetyPageFilter.visitorDiscreet(request)) {
                fields = new LinkedHashMap<>(fields == null ? Map.of() : fields);
                fields.put(SafetyPageFilter.DISCREET_PARAMETER, "1");
            }
            request.removeAttribute(GET_FORM);
            return fields;
        }

        @Override
        public String processUrl(HttpServletRequest request, String url) {
            return delegate.processUrl(request, url);
        }
    }
}
