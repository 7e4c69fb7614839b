package bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * The container's ceiling: the first filter answers every request with the bytes of one file (pre-compressed gzip
 * when the client accepts it), with the same kind of headers Inkstone's page store sends. Nothing else runs, so
 * this is as fast as Spring Boot on this servlet container can move those bytes.
 */
@SpringBootApplication
public class Ceiling {

	public static void main(String[] args) {
		SpringApplication.run(Ceiling.class, args);
	}

	@Bean
	FilterRegistrationBean<Filter> fixedBytes(Environment environment) throws IOException {
		byte[] identity = Files.readAllBytes(Path.of(environment.getRequiredProperty("ceiling.file")));
		ByteArrayOutputStream zipped = new ByteArrayOutputStream();
		try (GZIPOutputStream zip = new GZIPOutputStream(zipped)) {
			zip.write(identity);
		}
		byte[] gzip = zipped.toByteArray();
		String etag = "\"" + Integer.toHexString(Arrays.hashCode(identity)) + "\"";
		Filter filter = (request, response, chain) -> {
			HttpServletRequest http = (HttpServletRequest) request;
			HttpServletResponse out = (HttpServletResponse) response;
			String accept = http.getHeader("Accept-Encoding");
			boolean zip = accept != null && accept.contains("gzip");
			byte[] body = zip ? gzip : identity;
			out.setContentType("text/html;charset=UTF-8");
			out.setHeader("Cache-Control", "public, max-age=0, s-maxage=5, stale-while-revalidate=30");
			out.setHeader("Vary", "Accept-Encoding, Cookie");
			out.setHeader("ETag", etag);
			if (zip) {
				out.setHeader("Content-Encoding", "gzip");
			}
			out.setContentLength(body.length);
			out.getOutputStream().write(body);
		};
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.addUrlPatterns("/*");
		return registration;
	}

}
