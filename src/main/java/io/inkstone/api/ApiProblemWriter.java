package io.inkstone.api;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.ObjectMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import java.net.URI;

/**
 * Writes an RFC 9457 problem from inside the security chain, where no controller advice
 * runs.
 */
@Component
class ApiProblemWriter {

	static final String PROBLEM_JSON = "application/problem+json";

	private final ObjectMapper json;

	ApiProblemWriter(ObjectMapper json) {
		this.json = json;
	}

	void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setInstance(URI.create(request.getRequestURI()));
		if (status == HttpStatus.UNAUTHORIZED) {
			response.setHeader("WWW-Authenticate", "Bearer realm=\"inkstone\"");
		}
		response.setStatus(status.value());
		response.setHeader("Cache-Control", "no-store");
		response.setContentType(PROBLEM_JSON);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(json.writeValueAsString(problem));
	}

}
