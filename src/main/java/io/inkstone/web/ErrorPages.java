package io.inkstone.web;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.inkstone.shared.DatabaseBusy;
import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.GoneException;
import io.inkstone.shared.RemovalReason;
import io.inkstone.shared.NotFoundException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriUtils;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;
import io.inkstone.shared.ForbiddenException;
import io.inkstone.shared.PayloadTooLargeException;
import io.inkstone.shared.TooManyRequestsException;
import io.inkstone.shared.UnsupportedMediaException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.multipart.MultipartException;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * Maps every failure to a page a person understands with the right status, never a stack
 * trace: domain exceptions from controllers, and anything the container routes to
 * {@code /error} (unknown paths, CSRF rejections).
 */
@ControllerAdvice
@Controller
class ErrorPages implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

	private static final long BUSY_RETRY_SECONDS = 5;

	private final UiFactory ui;

	private final ObjectProvider<MultipartConfigElement> multipart;

	private final Environment environment;

	ErrorPages(UiFactory ui, ObjectProvider<MultipartConfigElement> multipart, Environment environment) {
		this.ui = ui;
		this.multipart = multipart;
		this.environment = environment;
	}

	@ExceptionHandler(NotFoundException.class)
	String notFound(HttpServletRequest request, HttpServletResponse response, Model model) {
		return page(request, response, model, 404, null);
	}

	@ExceptionHandler(NoResourceFoundException.class)
	Object notFoundPath(HttpServletRequest request, HttpServletResponse response, Model model) {
		if (api(request.getRequestURI())) {
			return problem(request.getRequestURI(), HttpStatus.NOT_FOUND, "No such resource", null);
		}
		return page(request, response, model, 404, null);
	}

	/**
	 * Whether a path is the REST API's: its errors are RFC 9457 problems, never pages
	 * (the browsable docs under {@code /api/docs} are pages).
	 */
	static boolean api(String path) {
		return path != null && path.startsWith("/api/") && !path.startsWith("/api/docs")
				&& !path.startsWith("/api/swagger-ui");
	}

	private static ResponseEntity<ProblemDetail> problem(String path, HttpStatus status, String detail,
			Set<HttpMethod> allowed) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setInstance(URI.create(UriUtils.encodePath(path, StandardCharsets.UTF_8)));
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(status)
			.header("Cache-Control", "no-store")
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (allowed != null && !allowed.isEmpty()) {
			answer.allow(allowed.toArray(HttpMethod[]::new));
		}
		return answer.body(problem);
	}

	/**
	 * A malformed id in the path names nothing (404); a malformed query parameter is a
	 * bad request (400).
	 */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	String typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		boolean pathVariable = ex.getParameter().hasParameterAnnotation(PathVariable.class);
		return page(request, response, model, pathVariable ? 404 : 400, null);
	}

	@ExceptionHandler(GoneException.class)
	String gone(GoneException ex, HttpServletRequest request, HttpServletResponse response, Model model) {
		Ui u = ui.of(request);
		String reason = ex.messageKey() == null || ex.messageKey().isBlank() ? u.t("error.410.noReason")
				: RemovalReason.parse(ex.messageKey()).isPresent() ? u.removalReason(ex.messageKey()) : u.message(ex);
		return page(request, response, model, 410, u.t("error.410.message", ex.title(), reason));
	}

	@ExceptionHandler(BadRequestException.class)
	String badRequest(BadRequestException ex, HttpServletRequest request, HttpServletResponse response, Model model) {
		return page(request, response, model, 400, ui.of(request).message(ex));
	}

	@ExceptionHandler({ MissingServletRequestParameterException.class, TypeMismatchException.class })
	String badParameter(HttpServletRequest request, HttpServletResponse response, Model model) {
		return page(request, response, model, 400, null);
	}

	@ExceptionHandler(ForbiddenException.class)
	String forbidden(ForbiddenException ex, HttpServletRequest request, HttpServletResponse response, Model model) {
		return page(request, response, model, 403, ui.of(request).message(ex));
	}

	@ExceptionHandler(TooManyRequestsException.class)
	String tooMany(TooManyRequestsException ex, HttpServletRequest request, HttpServletResponse response, Model model) {
		response.setHeader("Retry-After", Long.toString(ex.retryAfterSeconds()));
		return page(request, response, model, 429, ui.of(request).t("error.429.retry", ex.retryAfterSeconds()));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	Object methodNotAllowed(HttpRequestMethodNotSupportedException ex, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (api(request.getRequestURI())) {
			return problem(request.getRequestURI(), HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed",
					ex.getSupportedHttpMethods());
		}
		return page(request, response, model, 405, null);
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(HttpServletRequest request, HttpServletResponse response, Model model) {
		ContainerErrors.closeAfterUnreadBody(request, response);
		if (api(request.getRequestURI())) {
			return problem(request.getRequestURI(), HttpStatus.CONTENT_TOO_LARGE, limitPassedInEnglish(request), null);
		}
		return page(request, response, model, 413, null);
	}

	@ExceptionHandler(PayloadTooLargeException.class)
	String tooManyPixels(PayloadTooLargeException ex, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		return page(request, response, model, 413, ui.of(request).message(ex));
	}

	@ExceptionHandler(UnsupportedMediaException.class)
	String unsupportedMedia(HttpServletRequest request, HttpServletResponse response, Model model) {
		return page(request, response, model, 415, null);
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	String notAcceptable(HttpServletRequest request, HttpServletResponse response, Model model) {
		return page(request, response, model, 406, null);
	}

	/**
	 * A body that cannot be read (malformed chunked or multipart data, unreadable JSON)
	 * is the client's error: 400, one INFO line, no stack trace.
	 */
	@ExceptionHandler({ HttpMessageNotReadableException.class, MultipartException.class })
	String unreadable(Exception ex, HttpServletRequest request, HttpServletResponse response, Model model) {
		if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
			return clientGone(ex, request);
		}
		int status = ContainerErrors.refusalStatus(ex) == 413 ? 413 : 400;
		log.info("Refused {} {} with {}: {}", request.getMethod(), request.getRequestURI(), status,
				RequestInputFilter.firstLine(ex));
		return page(request, response, model, status, null);
	}

	@ExceptionHandler(Exception.class)
	String unexpected(Exception ex, HttpServletRequest request, HttpServletResponse response, Model model) {
		if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
			return clientGone(ex, request);
		}
		int refused = ContainerErrors.refusalStatus(ex);
		if (refused != 0) { // the container's own exception for a body it could not or
							// would not read (Tomcat's and Jetty's, told apart by name)
			log.info("Refused {} {} with {}: {}", request.getMethod(), request.getRequestURI(), refused,
					RequestInputFilter.firstLine(ex));
			return page(request, response, model, refused, null);
		}
		if (DatabaseBusy.is(ex)) {
			// SQLite's one writer held past the busy timeout (an import on a loaded
			// machine): nothing was written, the same request succeeds in a moment
			log.info("Database busy on {} {}; answered 503: {}", request.getMethod(), request.getRequestURI(),
					DatabaseBusy.rootMessage(ex));
			response.setHeader("Retry-After", Long.toString(BUSY_RETRY_SECONDS));
			return page(request, response, model, 503, null);
		}
		if (storeAway(ex)) {
			logStoreAway(ex, request, response);
			return page(request, response, model, 503, null);
		}
		log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
		return page(request, response, model, 500, null);
	}

	/**
	 * The client went away (closed the tab, lost the network): nobody to answer, nothing
	 * to fix.
	 */
	private static String clientGone(Exception ex, HttpServletRequest request) {
		log.debug("Client went away during {} {}: {}", request.getMethod(), request.getRequestURI(),
				RequestInputFilter.firstLine(ex));
		return null; // with the response among the arguments, null means handled: no view
						// to render
	}

	/** Errors raised outside controllers (unknown path, CSRF 403, container errors). */
	@RequestMapping("/error")
	Object error(HttpServletRequest request, HttpServletResponse response, Model model) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = code instanceof Integer i ? i : 500;
		if (status == 500 && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
				&& storeAway(failure)) {
			// a filter's failure (the session store in cluster mode) before any
			// controller
			logStoreAway(failure, request, response);
			status = 503;
		}
		Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		HttpStatus known = HttpStatus.resolve(status);
		if (failed instanceof String path && api(path) && known != null && status != 429) {
			return problem(path, known, status == 413 ? limitPassedInEnglish(request) : known.getReasonPhrase(), null);
		}
		Object retry = request.getAttribute("inkstone.retryAfter");
		String message = status == 429 && retry != null ? ui.of(request).t("error.429.retry", retry) : null;
		if (message != null && request.getAttribute("inkstone.retryHint") instanceof String hint) {
			message = message + ' ' + ui.of(request).t(hint); // what else the person can
																// do meanwhile
		}
		return page(request, response, model, status, message);
	}

	/**
	 * A store the node needs is unreachable (Redis, which holds the signed-in sessions in
	 * cluster mode, or the database): nothing a client did wrong, and it passes. Redis
	 * answering with an error (a bug of ours) is not among them.
	 */
	static boolean storeAway(Throwable ex) {
		boolean redisClientFailed = false;
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof DataAccessResourceFailureException || t instanceof QueryTimeoutException) {
				return true;
			}
			if (t instanceof RedisCommandExecutionException) {
				return false;
			}
			redisClientFailed |= t instanceof RedisException; // not connected, timed out
		}
		return redisClientFailed;
	}

	private static void logStoreAway(Throwable ex, HttpServletRequest request, HttpServletResponse response) {
		log.warn("A store is unreachable on {} {}; answered 503: {}", request.getMethod(), request.getRequestURI(),
				RequestInputFilter.firstLine(ex));
		response.setHeader("Retry-After", Long.toString(BUSY_RETRY_SECONDS));
	}

	private String page(HttpServletRequest request, HttpServletResponse response, Model model, int status,
			String message) {
		Ui u = ui.of(request);
		HttpStatus known = HttpStatus.resolve(status);
		String key = "error." + (known == null ? 500 : status);
		String heading = u.t(key + ".heading");
		if (heading.equals(key + ".heading")) {
			heading = known == null ? "Error" : known.getReasonPhrase();
		}
		String text = message != null ? message : status == 413 ? limitPassed(request, u) : u.t(key + ".message");
		if (text.equals(key + ".message")) {
			text = u.t("error.generic.message");
		}
		response.setStatus(status);
		response.setHeader("Cache-Control", "no-store");
		// an exception handler's model has no chrome of its own
		model.addAttribute(PageChrome.UI, u);
		model.addAttribute("page", new ErrorPage(status, heading, text));
		return "error/page";
	}

	/**
	 * A body over the container's limits, which refused it before any code of ours could
	 * say which limit: the limit of what was sent, named — a file's (the multipart limit)
	 * or a form's. The request's own Content-Type header is still there when it is
	 * rendered without its parameters ({@link RequestInputFilter}).
	 */
	private String limitPassed(HttpServletRequest request, Ui u) {
		long limit = limitOf(request);
		if (limit <= 0) {
			return u.t("error.413.message");
		}
		return u.t(form(request) ? "error.413.form" : "error.413.file", megabytes(limit));
	}

	/**
	 * The API's problem detail for a body over a limit (the API speaks English): the
	 * limit passed, named.
	 */
	private String limitPassedInEnglish(HttpServletRequest request) {
		long limit = limitOf(request);
		return limit <= 0 ? "Content too large" : "Content too large: the limit is " + megabytes(limit) + " MB"
				+ (form(request) ? " per form" : " per file");
	}

	private static boolean form(HttpServletRequest request) {
		String type = String.valueOf(request.getHeader("Content-Type")).toLowerCase(Locale.ROOT);
		return type.startsWith("application/x-www-form-urlencoded");
	}

	/** The limit of what was sent, in bytes; -1 when none is known. */
	private long limitOf(HttpServletRequest request) {
		if (form(request)) {
			DataSize tomcat = environment.getProperty("server.tomcat.max-http-form-post-size", DataSize.class,
					DataSize.ofMegabytes(2));
			return environment.getProperty("server.jetty.max-http-form-post-size", DataSize.class, tomcat).toBytes();
		}
		MultipartConfigElement config = multipart.getIfAvailable();
		return config == null ? -1 : config.getMaxFileSize();
	}

	private static long megabytes(long bytes) {
		return Math.max(1, DataSize.ofBytes(bytes).toMegabytes());
	}

}
