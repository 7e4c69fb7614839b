package io.inkstone.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.eclipse.jetty.io.EofException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A reader who closes the tab while the page is written is not an error of the site. */
@ExtendWith(OutputCaptureExtension.class)
class RequestInputFilterTests {

	@Test
	void aClientThatWentAwayIsNeitherAnErrorNorAStackTrace(CapturedOutput output) throws Exception {
		RequestInputFilter filter = new RequestInputFilter();
		for (Exception gone : List.of(new EofException(new IOException("Broken pipe")),
				new AsyncRequestNotUsableException(
						"ServletOutputStream failed to write: java.io.IOException: Broken pipe"),
				new UncheckedIOException(new IOException("Connection reset by peer")))) {
			filter.doFilter(new MockHttpServletRequest("GET", "/articles/1"), new MockHttpServletResponse(),
					(req, res) -> {
						if (gone instanceof IOException io) {
							throw io;
						}
						throw (RuntimeException) gone;
					});
		}
		assertThat(output.getAll()).doesNotContain("ERROR").doesNotContain("\tat ");
		// anything else still reaches the error page
		assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/articles/1"),
				new MockHttpServletResponse(), (req, res) -> {
					throw new IllegalStateException("boom");
				}))
			.hasMessage("boom");
	}

}
