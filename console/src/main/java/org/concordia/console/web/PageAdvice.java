package org.concordia.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import java.util.Map;
import org.concordia.console.api.ApiProblem;
import org.concordia.console.api.Apis;
import org.concordia.console.api.SignInAgain;
import org.concordia.console.signin.Languages;
import org.concordia.console.signin.SignedIn;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs, and what a page does when a service refuses or the token has expired. */
@ControllerAdvice
class PageAdvice {

    private final FormErrors errors;
    private final Apis apis;

    PageAdvice(FormErrors errors, Apis apis) {
        this.errors = errors;
        this.apis = apis;
    }

    @ModelAttribute("path")
    String path(HttpServletRequest request) {
        return request.getRequestURI();
    }

    /** The header's unread count on full pages; the page's event stream keeps it current. */
    @ModelAttribute("unread")
    @Nullable
    Object unread(HttpServletRequest request) {
        SignedIn me = SignedIn.current();
        if (me == null || request.getHeader("HX-Request") != null || !"GET".equals(request.getMethod())) {
            return null;
        }
        try {
            Map<String, Object> counts = apis.notifications()
                    .get()
                    .uri("/api/v1/people/{person}/notifications/unread-count", me.personId())
                    .retrieve()
                    .body(Apis.OBJECT);
            return counts == null ? null : counts.get("unread");
        } catch (ApiProblem | org.springframework.web.client.RestClientException unavailable) {
            // the header goes without its count; the page itself still works
            return null;
        }
    }

    @ModelAttribute("me")
    @Nullable
    SignedIn me() {
        return SignedIn.current();
    }

    @ModelAttribute("languages")
    java.util.List<Locale> languages() {
        return Languages.SUPPORTED;
    }

    @ModelAttribute("lang")
    String lang() {
        return LocaleContextHolder.getLocale().getLanguage();
    }

    /** Back through the identity provider: its session usually signs the person in again without a form. */
    @ExceptionHandler(SignInAgain.class)
    String signInAgain(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", "/");
            return "fragments :: empty";
        }
        return "redirect:/";
    }

    /** A refusal no page handled itself: the message in the person's language, nothing else lost. */
    @ExceptionHandler(ApiProblem.class)
    String problem(ApiProblem problem, Model model, HttpServletResponse response) {
        response.setStatus(problem.status() >= 500 ? 502 : problem.status());
        model.addAttribute("me", SignedIn.current());
        model.addAttribute("lang", LocaleContextHolder.getLocale().getLanguage());
        model.addAttribute("languages", Languages.SUPPORTED);
        model.addAttribute("message", errors.summary(problem, LocaleContextHolder.getLocale()));
        return "problem";
    }
}
