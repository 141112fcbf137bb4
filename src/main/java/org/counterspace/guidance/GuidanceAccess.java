package org.counterspace.guidance;

import java.util.LinkedHashSet;
import java.util.Set;

import org.counterspace.web.HttpSecurityCustomizer;
import org.counterspace.web.SharedPages;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.stereotype.Component;

/** Guidance is for everyone, signed in or not, and reads the same for every visitor. */
@Component
class GuidanceAccess implements HttpSecurityCustomizer, SharedPages {

    private final GuideLibrary library;

    GuidanceAccess(GuideLibrary library) {
        this.library = library;
    }

    @Override
    public void customize(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/", "/guidance", "/guidance/**").permitAll());
    }

    /** The home page, the guide list (a search has a query string, so it is never shared) and each guide. */
    @Override
    public Set<String> sharedPagePaths() {
        Set<String> paths = new LinkedHashSet<>(Set.of("/", "/guidance"));
        library.all().forEach(guide -> paths.add("/guidance/" + guide.slug()));
        return paths;
    }
}
