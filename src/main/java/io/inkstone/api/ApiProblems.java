package io.inkstone.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.ForbiddenException;
import io.inkstone.shared.GoneException;
import io.inkstone.shared.NotFoundException;
import io.inkstone.shared.PayloadTooLargeException;
import io.inkstone.shared.TooManyRequestsException;
import io.inkstone.shared.UnsupportedMediaException;
import io.inkstone.web.UiFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.util.DisconnectedClientHelper;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.multipart.MultipartException;

/**
 * Failures of the API's controllers as RFC 9457 problems
 * ({@code application/problem+json}), ahead of the site's HTML error pages. Field errors
 * of a rejected article carry the field, the message key and the message in the caller's
 * language ({@code Accept-Language}).
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

	private final UiFactory ui;

	ApiProblems(UiFactory ui) {
		this.ui = ui;
	}

	/** One rejected field: its name, the message key and the message. */
	record FieldError(String field, String code, String message) {
	}

	/** A 400 listing what is wrong with each field. */
	static class InvalidInput extends RuntimeException {

		final Map<String, String> errors;

		InvalidInput(Map<String, String> errors) {
			super("invalid input: " + errors.keySet());
			this.errors = errors;
		}

	}

	@ExceptionHandler(InvalidInput.class)
	ResponseEntity<ProblemDetail> invalid(InvalidInput ex, HttpServletRequest request) {
		var u = ui.of(request);
		List<FieldError> fields = ex.errors.entrySet()
			.stream()
			.map(e -> new FieldError(e.getKey(), e.getValue(), u.t(e.getValue())))
			.toList();
		ProblemDetail problem = problem(request, HttpStatus.BAD_REQUEST, "The input has errors: see errors");
		problem.setProperty("errors", fields);
		return respond(problem);
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(HttpServletRequest request) {
		return respond(problem(request, HttpStatus.NOT_FOUND, "Not found"));
	}

	@ExceptionHandler(GoneException.class)
	ResponseEntity<ProblemDetail> gone(GoneException ex, HttpServletRequest request) {
		return respond(problem(request, HttpStatus.GONE,
				ex.messageKey() == null ? "Gone" : ui.of(request).removalReason(ex.messageKey())));
	}

	@ExceptionHandler(BadRequestException.class)
	ResponseEntity<ProblemDetail> badRequest(BadRequestException ex, HttpServletRequest request) {
		String message = ex.messageKey() == null ? "Bad request" : ui.of(request).message(ex);
		return respond(problem(request, HttpStatus.BAD_REQUEST, message));
	}

	@ExceptionHandler({ MissingServletRequestParameterException.class, HttpMessageNotReadableException.class,
			MultipartException.class })
	ResponseEntity<ProblemDetail> unreadable(Exception ex, HttpServletRequest request) {
		if (ex instanceof MaxUploadSizeExceededException) {
			return respond(problem(request, HttpStatus.CONTENT_TOO_LARGE, "The upload is too large"));
		}
		return respond(problem(request, HttpStatus.BAD_REQUEST, "The request could not be read: " + firstLine(ex)));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		boolean path = ex.getParameter().hasParameterAnnotation(PathVariable.class);
		return respond(path ? problem(request, HttpStatus.NOT_FOUND, "Not found")
				: problem(request, HttpStatus.BAD_REQUEST, "Invalid value for " + ex.getName()));
	}

	@ExceptionHandler(ForbiddenException.class)
	ResponseEntity<ProblemDetail> forbidden(ForbiddenException ex, HttpServletRequest request) {
		return respond(problem(request, HttpStatus.FORBIDDEN,
				ex.messageKey() == null ? "Forbidden" : ui.of(request).message(ex)));
	}

	@ExceptionHandler(TooManyRequestsException.class)
	ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException ex, HttpServletRequest request) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header("Retry-After", Long.toString(ex.retryAfterSeconds()))
			.header("Cache-Control", "no-store")
			.contentType(PROBLEM)
			.body(problem(request, HttpStatus.TOO_MANY_REQUESTS,
					"Too many requests; retry after " + ex.retryAfterSeconds() + " s"));
	}

	@ExceptionHandler({ PayloadTooLargeException.class, MaxUploadSizeExceededException.class })
	ResponseEntity<ProblemDetail> tooLarge(Exception ex, HttpServletRequest request) {
		return respond(problem(request, HttpStatus.CONTENT_TOO_LARGE,
				ex instanceof PayloadTooLargeException p && p.messageKey() != null ? ui.of(request).message(p)
						: "The upload is too large"));
	}

	@ExceptionHandler({ UnsupportedMediaException.class, HttpMediaTypeNotSupportedException.class })
	ResponseEntity<ProblemDetail> unsupported(HttpServletRequest request) {
		return respond(problem(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> method(HttpServletRequest request) {
		return respond(problem(request, HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request, HttpServletResponse response) {
		if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
			return null;
		}
		log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
		return respond(problem(request, HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"));
	}

	private static ProblemDetail problem(HttpServletRequest request, HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setInstance(URI.create(request.getRequestURI()));
		return problem;
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus())
			.header("Cache-Control", "no-store")
			.contentType(PROBLEM)
			.body(problem);
	}

	private static String firstLine(Exception ex) {
		String message = String.valueOf(ex.getMessage());
		int newline = message.indexOf('\n');
		String line = newline < 0 ? message : message.substring(0, newline);
		return line.length() > 200 ? line.substring(0, 200) : line;
	}

}
