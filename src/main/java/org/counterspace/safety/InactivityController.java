package org.counterspace.safety;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Signing out after inactivity. Every signed-in page leaves for the signed-out page when the
 * session runs out: a meta refresh without JavaScript, a timer with a warning and a "Stay signed in"
 * button with it. The ping is what that button calls: any request keeps the session alive.
 */
@Controller
class InactivityController {

    @GetMapping("/signed-out-for-inactivity")
    String signedOut(HttpServletRequest request) throws ServletException {
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "safety/signed-out";
    }

    @GetMapping("/session/ping")
    ResponseEntity<Void> ping() {
        return ResponseEntity.noContent().build();
    }
}
