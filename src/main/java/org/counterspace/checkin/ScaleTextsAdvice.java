package org.counterspace.checkin;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every journal page can show answers the way {@link ScaleTexts} words them, as {@code scale}. */
@ControllerAdvice(basePackageClasses = ScaleTexts.class)
class ScaleTextsAdvice {

    private final ScaleTexts texts;

    ScaleTextsAdvice(ScaleTexts texts) {
        this.texts = texts;
    }

    @ModelAttribute("scale")
    ScaleTexts scale() {
        return texts;
    }
}
