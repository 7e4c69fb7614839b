package io.inkstone.web;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.inkstone.shared.NotFoundException;

import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Plain links (no JavaScript) that remember the reader's mode in a cookie and return to
 * the page they came from: {@code /mode/care/on}, {@code /mode/care/off},
 * {@code /mode/a11y/on}, {@code /mode/a11y/off} turn one setting on or off and keep the
 * other; {@code /mode/standard}, {@code /mode/care}, {@code /mode/a11y},
 * {@code /mode/care-a11y} set both at once.
 */
@Controller
class ReaderModeController {

	@GetMapping("/mode/{mode}")
	String switchMode(@PathVariable String mode, @RequestParam(name = "back", defaultValue = "/") String back,
			HttpServletRequest request, HttpServletResponse response) {
		return remember(ReaderMode.parse(mode).orElseThrow(() -> new NotFoundException("no such mode")), back, request,
				response);
	}

	@GetMapping("/mode/{setting}/{state}")
	String toggle(@PathVariable String setting, @PathVariable String state,
			@RequestParam(name = "back", defaultValue = "/") String back, HttpServletRequest request,
			HttpServletResponse response) {
		if (!state.equals("on") && !state.equals("off")) {
			throw new NotFoundException("no such state");
		}
		boolean on = state.equals("on");
		ReaderMode current = UiFactory.mode(request);
		ReaderMode next = switch (setting) {
			case "care" -> current.withCare(on);
			case "a11y" -> current.withA11y(on);
			default -> throw new NotFoundException("no such setting");
		};
		return remember(next, back, request, response);
	}

	private static String remember(ReaderMode readerMode, String back, HttpServletRequest request,
			HttpServletResponse response) {
		ResponseCookie cookie = ResponseCookie.from(ReaderMode.COOKIE, readerMode.value())
			.path("/")
			.maxAge(Duration.ofDays(365))
			.sameSite("Lax")
			.secure(request.isSecure())
			.build();
		response.addHeader("Set-Cookie", cookie.toString());
		response.setHeader("Cache-Control", "no-store");
		return "redirect:" + safeLocalPath(back);
	}

	/** Only same-site paths: {@code back} must never become an open redirect. */
	static String safeLocalPath(String back) {
		if (back == null || !back.startsWith("/") || back.startsWith("//") || back.startsWith("/\\")
				|| back.length() > 500 || back.chars().anyMatch(c -> c < 0x20)) {
			return "/";
		}
		return back;
	}

}
