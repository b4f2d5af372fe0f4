package org.concordia.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

@Controller
class HomeController {

    private final LocaleResolver locales;

    HomeController(LocaleResolver locales) {
        this.locales = locales;
    }

    /** Everyone starts at the inbox; coordinators and operators reach their screens from the navigation. */
    @GetMapping("/")
    String home() {
        return "redirect:/inbox";
    }

    @GetMapping("/signed-out")
    String signedOut() {
        return "signed-out";
    }

    /** Switches the language for this session and goes back to the page the person was on. */
    @PostMapping("/language")
    String language(
            @RequestParam String lang,
            @RequestParam(defaultValue = "/") String back,
            HttpServletRequest request,
            HttpServletResponse response) {
        locales.setLocale(request, response, Locale.forLanguageTag(lang));
        // only a path of this application, never another site
        boolean local = back.startsWith("/") && !back.startsWith("//") && !back.contains("\\");
        return "redirect:" + (local ? back : "/");
    }
}
