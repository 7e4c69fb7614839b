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
 * {@code /mode/care}, {@code /mode/a11y}, {@code /mode/standard}: plain links (no JavaScript) that
 * remember the reader's mode in a cookie and return to the page they came from.
 */
@Controller
class ReaderModeController {

	@GetMapping("/mode/{mode}")
	String switchMode(@PathVariable String mode, @RequestParam(name = "back", defaultValue = "/") String back,
			HttpServletRequest request, HttpServletResponse response) {
		ReaderMode readerMode = ReaderMode.parse(mode).orElseThrow(() -> new NotFoundException("no such mode"));
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
