package org.counterspace.web;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.format.support.FormattingConversionService;
import org.springframework.http.HttpStatus;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * One boundary for what a request may carry to a controller, checked before anything is bound,
 * the same on H2 and PostgreSQL:
 * <ul>
 * <li>Parameter names are plain: letters, digits, '_' and '-'. An indexed or dotted name
 * ({@code name[0]}, {@code environments[abc]}, {@code note.bytes}) tells Spring's binder to walk
 * into a property, which no page of ours asks for and which can fail deep inside the binder. Such a
 * request answers 400 with the calm error page and one line in the log, no stack trace.</li>
 * <li>Values hold no control characters other than tab, line feed and carriage return: NUL, which
 * PostgreSQL refuses to store (H2 stores it), and the rest, which nobody types. In a text field of
 * a validated form whose page shows field errors ({@link FieldErrorsShown}), where a person may
 * have pasted text carrying one, the form comes back with an error on that field. Anywhere else
 * the request answers 400 with a page that says an invisible character was in it.</li>
 * </ul>
 * Sign-in ({@code POST /login}) is answered by Spring Security before any controller; it refuses
 * such usernames itself.
 */
@Configuration(proxyBeanMethods = false)
class InputBoundary implements HandlerInterceptor, WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(InputBoundary.class);

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** The names of the form fields a control character was let through to, for their form errors. */
    private static final String PASTED_FIELDS = InputBoundary.class.getName() + ".pasted";

    private final Map<Method, Set<String>> fieldsShowingErrors = new ConcurrentHashMap<>();

    private final Map<Class<?>, Set<String>> textFields = new ConcurrentHashMap<>();

    /** A refused request: 400, with a sentence for the error page when there is one to say. */
    static final class RefusedInput extends ResponseStatusException {

        RefusedInput(String explanation) {
            super(HttpStatus.BAD_REQUEST, explanation);
        }

        /** Expected and answered calmly: no stack trace to fill. */
        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || request.getDispatcherType() != DispatcherType.REQUEST) {
            return true; // forwards and error pages carry the parameters of a request already checked
        }
        Set<String> pasted = new HashSet<>();
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (!PLAIN_NAME.matcher(parameter.getKey()).matches()) {
                throw refused(request, "a parameter name no form uses", null);
            }
            if (Arrays.stream(parameter.getValue()).anyMatch(ControlCharacters::in)) {
                if (!fieldsShowingErrors(method).contains(parameter.getKey())) {
                    throw refused(request, "a control character", "error.4xx.controlCharacter");
                }
                pasted.add(parameter.getKey());
            }
        }
        if (!pasted.isEmpty()) {
            request.setAttribute(PASTED_FIELDS, pasted);
        }
        return true;
    }

    /**
     * The binding initializer Spring Boot gives every binder, with the conversion service and validator
     * its own would have, which also gives a form's validation the fields a control character was let
     * through to. Not an {@code @InitBinder} method: Spring MVC looks such a method up and invokes it by
     * reflection for every model attribute of every page.
     */
    @Bean
    ConfigurableWebBindingInitializer webBindingInitializer(
            @Qualifier("mvcConversionService") FormattingConversionService conversionService,
            @Qualifier("mvcValidator") Validator validator) {
        ConfigurableWebBindingInitializer initializer = new ConfigurableWebBindingInitializer() {

            @Override
            public void initBinder(WebDataBinder binder) {
                super.initBinder(binder);
                RequestAttributes request = RequestContextHolder.getRequestAttributes();
                if (request != null
                        && request.getAttribute(PASTED_FIELDS, RequestAttributes.SCOPE_REQUEST) instanceof Set<?> pasted) {
                    binder.addValidators(new PastedControlCharacters(pasted));
                }
            }
        };
        initializer.setConversionService(conversionService);
        initializer.setValidator(validator);
        return initializer;
    }

    private static RefusedInput refused(HttpServletRequest request, String what, String explanation) {
        log.info("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), what);
        return new RefusedInput(explanation);
    }

    /** The text fields of the handler's validated forms whose pages show field errors. */
    private Set<String> fieldsShowingErrors(HandlerMethod handler) {
        return fieldsShowingErrors.computeIfAbsent(handler.getMethod(), method -> Arrays
            .stream(handler.getMethodParameters())
            .filter(InputBoundary::isValidatedForm)
            .filter(parameter -> parameter.getParameterType().isAnnotationPresent(FieldErrorsShown.class))
            .flatMap(parameter -> textFields(parameter.getParameterType()).stream())
            .collect(Collectors.toUnmodifiableSet()));
    }

    private static boolean isValidatedForm(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(ModelAttribute.class)
                && (parameter.hasParameterAnnotation(Valid.class) || parameter.hasParameterAnnotation(Validated.class));
    }

    /** The String fields of a form class (a record's components or a bean's properties). */
    private Set<String> textFields(Class<?> form) {
        return textFields.computeIfAbsent(form, type -> Arrays.stream(type.getDeclaredFields())
            .filter(field -> field.getType() == String.class && !Modifier.isStatic(field.getModifiers()))
            .map(Field::getName)
            .collect(Collectors.toUnmodifiableSet()));
    }

    /** One form error per field that holds a control character and has no other error yet. */
    private final class PastedControlCharacters implements Validator {

        private final Set<?> pasted;

        PastedControlCharacters(Set<?> pasted) {
            this.pasted = pasted;
        }

        @Override
        public boolean supports(Class<?> type) {
            return true;
        }

        @Override
        public void validate(Object target, Errors errors) {
            Set<String> fields = textFields(target.getClass());
            for (Object field : pasted) {
                if (fields.contains(field) && !errors.hasFieldErrors((String) field)) {
                    errors.rejectValue((String) field, "input.field.controlCharacter");
                }
            }
        }
    }
}
