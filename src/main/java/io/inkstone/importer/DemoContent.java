package io.inkstone.importer;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

import io.inkstone.articles.Articles;
import io.inkstone.shared.InkstoneProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * With {@code inkstone.demo=true}, an empty site imports the bundled demo content:
 * public-domain classical poetry and prose from the chinese-poetry project (MIT).
 */
@Component
class DemoContent {

	private static final Logger log = LoggerFactory.getLogger(DemoContent.class);

	static final String RESOURCE = "demo/demo-articles.jsonl.gz";

	private final ArticleImporter importer;

	private final Articles articles;

	private final InkstoneProperties properties;

	DemoContent(ArticleImporter importer, Articles articles, InkstoneProperties properties) {
		this.importer = importer;
		this.articles = articles;
		this.properties = properties;
	}

	@EventListener(ApplicationStartedEvent.class)
	void importIfEmpty() throws IOException {
		if (!properties.demo() || articles.countPublished() > 0) {
			return;
		}
		try (InputStream in = new GZIPInputStream(new ClassPathResource(RESOURCE).getInputStream())) {
			ImportReport report = importer.importLines(in, null);
			log.info("Demo content imported: {} articles", report.imported());
		}
	}

}
