package io.inkstone.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chinese and English bundles hold the same keys, and every key a template uses exists.
 */
class MessageBundlesTests {

	@Test
	void bundlesHaveTheSameKeys() throws IOException {
		assertThat(load("/messages_en.properties").stringPropertyNames())
			.isEqualTo(load("/messages.properties").stringPropertyNames());
	}

	@Test
	void everyKeyUsedInTemplatesExists() throws IOException {
		Set<String> keys = load("/messages.properties").stringPropertyNames();
		Pattern used = Pattern.compile("\\.t\\(\"([a-zA-Z0-9.]+)\"\\s*[,)]");
		try (Stream<Path> templates = Files.walk(Path.of("src/main/jte"))) {
			for (Path template : templates.filter(p -> p.toString().endsWith(".jte")).toList()) {
				Matcher m = used.matcher(Files.readString(template));
				while (m.find()) {
					assertThat(keys).as("%s uses %s", template, m.group(1)).contains(m.group(1));
				}
			}
		}
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (var reader = new InputStreamReader(MessageBundlesTests.class.getResourceAsStream(name),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
