package io.inkstone;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Inkstone (砚): a self-hostable self-media news platform.
 *
 * <p>{@code java -jar inkstone.jar} serves the site; {@code java -jar inkstone.jar import FILE.jsonl}
 * imports articles and exits (see {@code importer}); {@code java -jar inkstone.jar reindex} rebuilds the search
 * index from the database and exits; {@code backup [DIR]} and {@code restore DIR [--force]} back up and restore the
 * database and media without starting the server (see {@code backup}).
 */
@SpringBootApplication(excludeName = "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration")
@ConfigurationPropertiesScan
@EnableScheduling
public class InkstoneApplication {

	public static void main(String[] args) {
		if (args.length > 0 && "import".equals(args[0])) {
			System.exit(runImport(Arrays.copyOfRange(args, 1, args.length)));
		}
		if (args.length > 0 && "backup".equals(args[0])) {
			System.exit(io.inkstone.backup.BackupCommand.backup(Arrays.copyOfRange(args, 1, args.length)));
		}
		if (args.length > 0 && "restore".equals(args[0])) {
			System.exit(io.inkstone.backup.BackupCommand.restore(Arrays.copyOfRange(args, 1, args.length)));
		}
		if (args.length > 0 && "reindex".equals(args[0])) {
			System.exit(runReindex(Arrays.copyOfRange(args, 1, args.length)));
		}
		SpringApplication.run(InkstoneApplication.class, args);
	}

	/** Rebuilds the search index from the database without a web server (see ReindexCommand). */
	public static int runReindex(String... args) {
		SpringApplication app = new SpringApplication(InkstoneApplication.class);
		app.setWebApplicationType(WebApplicationType.NONE);
		String[] withFlag = Arrays.copyOf(args, args.length + 1);
		withFlag[args.length] = "--inkstone.reindex=true";
		return SpringApplication.exit(app.run(withFlag));
	}

	/** Runs the import command without a web server and returns its exit code. */
	public static int runImport(String... args) {
		SpringApplication app = new SpringApplication(InkstoneApplication.class);
		app.setWebApplicationType(WebApplicationType.NONE);
		app.setAdditionalProfiles("import");
		return SpringApplication.exit(app.run(args));
	}

}
