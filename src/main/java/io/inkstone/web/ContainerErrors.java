package io.inkstone.web;

import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What the servlet container's own exceptions mean, recognised by name so that the code
 * builds and behaves the same on Jetty (the default) and Tomcat ({@code -Ptomcat}): a
 * request whose input the container refused (400, or 413 for a body over a limit), and a
 * client that went away while its body was read.
 */
final class ContainerErrors {

	/**
	 * Tomcat's and Jetty's exceptions for input they could not or would not read (Jetty's
	 * all implement {@code HttpException}, which carries the status).
	 */
	private static final Set<String> REFUSALS = Set.of("org.apache.tomcat.util.http.InvalidParameterException",
			"org.apache.coyote.BadRequestException", "org.eclipse.jetty.http.HttpException");

	private static final String TOMCAT_CLIENT_ABORT = "org.apache.catalina.connector.ClientAbortException";

	private ContainerErrors() {
	}

	/**
	 * 413 or 400 when the exception or one of its causes is the container refusing the
	 * request's input; 0 otherwise.
	 */
	static int refusalStatus(Throwable ex) {
		int status = 0;
		for (Throwable t = ex; t != null && t.getCause() != t; t = t.getCause()) {
			if (overLimit(t)) {
				return 413;
			}
			if (refusal(t)) {
				int code = code(t);
				if (code == 413) {
					return 413;
				}
				status = 400;
			}
		}
		return status;
	}

	/**
	 * The container's own "client went away" while the request body was read (Tomcat's
	 * {@code ClientAbortException}); not any end of input: a truncated body is a bad
	 * request.
	 */
	static boolean clientAbort(Throwable ex) {
		for (Throwable t = ex; t != null && t.getCause() != t; t = t.getCause()) {
			if (TOMCAT_CLIENT_ABORT.equals(t.getClass().getName())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * After refusing a request whose body was not read to its end (an upload over the
	 * limit), the connection is closed once the answer is sent, and the client is told
	 * so: the rest of the body is still on the wire. Tomcat reads and drops it (up to
	 * {@code server.tomcat.max-swallow-size}); Jetty closes the connection, which a
	 * client that is not told would reuse for its next request and find closed.
	 */
	static void closeAfterUnreadBody(HttpServletRequest request, HttpServletResponse response) {
		if (!response.isCommitted()
				&& (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null)) {
			response.setHeader("Connection", "close");
		}
	}

	private static boolean refusal(Throwable t) {
		for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
			if (REFUSALS.contains(type.getName())) {
				return true;
			}
			for (Class<?> contract : type.getInterfaces()) {
				if (REFUSALS.contains(contract.getName())) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean overLimit(Throwable t) {
		String name = t.getClass().getName();
		if (!name.startsWith("org.eclipse.jetty.") && !(t instanceof IllegalStateException)) {
			return false;
		}
		// Jetty reports its form, part and request size limits as a 400 or a plain
		// IllegalStateException, with messages like "Form is larger than max length
		// 2000000" or "max file size exceeded"; Spring reads them the same way
		String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
		return message.contains("larger than")
				|| (message.contains("exceed")
						&& (message.contains("size") || message.contains("length") || message.contains("max")))
				|| (message.contains("request") && (message.contains("too big") || message.contains("too large")));
	}

	/**
	 * The HTTP status the container's exception carries ({@code getErrorCode()} on
	 * Tomcat, {@code getCode()} on Jetty), 0 if none.
	 */
	private static int code(Throwable t) {
		for (String accessor : new String[] { "getErrorCode", "getCode" }) {
			try {
				Method method = t.getClass().getMethod(accessor);
				if (method.getReturnType() == int.class) {
					return (int) method.invoke(t);
				}
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				// not this container's accessor
			}
		}
		return 0;
	}

}
