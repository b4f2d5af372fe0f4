package org.concordia.identity.login.web;

import jakarta.servlet.http.HttpServletResponse;
import org.concordia.identity.login.SettingPasswords;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page a password link opens: a form to set the password, or why the link no longer works. */
@Controller
class PasswordPageController {

    private static final int MAX_TOKEN = 128;

    private final SettingPasswords setting;

    PasswordPageController(SettingPasswords setting) {
        this.setting = setting;
    }

    @GetMapping("/password")
    String form(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        if (token.length() > MAX_TOKEN || !setting.usable(token)) {
            response.setStatus(HttpStatus.GONE.value());
            model.addAttribute("state", "invalid");
            return "password";
        }
        model.addAttribute("state", "form");
        model.addAttribute("token", token);
        model.addAttribute("minLength", SettingPasswords.MIN_LENGTH);
        return "password";
    }

    @PostMapping("/password")
    String set(
            @RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmation,
            Model model,
            HttpServletResponse response) {
        SettingPasswords.Outcome outcome = token.length() > MAX_TOKEN
                ? SettingPasswords.Outcome.LINK_INVALID
                : setting.setPassword(token, password, confirmation);
        switch (outcome) {
            case SET -> model.addAttribute("state", "set");
            case LINK_INVALID -> {
                response.setStatus(HttpStatus.GONE.value());
                model.addAttribute("state", "invalid");
            }
            case PASSWORD_REFUSED -> {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                model.addAttribute("state", "form");
                model.addAttribute("token", token);
                model.addAttribute("refused", true);
            }
        }
        model.addAttribute("minLength", SettingPasswords.MIN_LENGTH);
        return "password";
    }
}
