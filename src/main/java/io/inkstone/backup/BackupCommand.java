package io.inkstone.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.inkstone.media.MediaProperties;
import io.inkstone.shared.InkstoneProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import java.util.Arrays;

/**
 * {@code java -jar inkstone.jar backup [DIR]} and {@code restore DIR [--force]}. They
 * read the same configuration as the server (application.yml, {@code INKSTONE_*}
 * variables, {@code --inkstone.*} arguments) but start no server, scheduler or search
 * index, so {@code backup} runs beside a serving site. Exit codes follow the import
 * command: {@value #CLEAN} done, {@value #USAGE} usage error or refused before anything
 * was written (no manifest, a checksum that does not match, a non-empty target, a running
 * server), {@value #FAILED} the run itself failed.
 */
public final class BackupCommand {

	static final int CLEAN = 0;

	static final int USAGE = 2;

	static final int FAILED = 3;

	private static final Logger log = LoggerFactory.getLogger(BackupCommand.class);

	private BackupCommand() {
	}

	/**
	 * The configuration the commands need, without component scanning or
	 * auto-configuration.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ InkstoneProperties.class, MediaProperties.class, BackupProperties.class })
	static class CommandConfig {

	}

	public static int backup(String... args) {
		return run(args, true);
	}

	public static int restore(String... args) {
		return run(args, false);
	}

	private static int run(String[] args, boolean backup) {
		MessageSource messages = messages();
		Locale locale = Locale.getDefault().getLanguage().equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
		PrintStream out = System.out;
		PrintStream err = System.err;
		List<String> positional = new ArrayList<>();
		boolean force = false;
		for (String arg : args) {
			if (arg.equals("--force")) {
				force = true;
			}
			else if (!arg.startsWith("--")) {
				positional.add(arg);
			}
		}
		if (positional.size() > 1 || (!backup && positional.size() != 1) || (backup && force)) {
			err.println(messages.getMessage(backup ? "backup.cli.usage" : "restore.cli.usage", null, locale));
			return USAGE;
		}
		SpringApplication app = new SpringApplication(CommandConfig.class);
		app.setWebApplicationType(WebApplicationType.NONE);
		app.setBannerMode(Banner.Mode.OFF);
		app.setLogStartupInfo(false);
		app.setAdditionalProfiles("backup");
		String[] springArgs = Arrays.stream(args)
			.filter(a -> a.startsWith("--") && !a.equals("--force"))
			.toArray(String[]::new);
		try (ConfigurableApplicationContext context = app.run(springArgs)) {
			InkstoneProperties properties = context.getBean(InkstoneProperties.class);
			if (backup) {
				Path parent = positional.isEmpty() ? context.getBean(BackupProperties.class).dir()
						: Path.of(positional.get(0));
				MediaProperties media = context.getBean(MediaProperties.class);
				BackupWriter writer = new BackupWriter(properties, media, Clock.systemUTC());
				Path written = writer.create(parent.toAbsolutePath().normalize(),
						step -> out.println(messages.getMessage("backup.cli.step." + step, null, locale)));
				BackupManifest manifest = BackupManifest.read(written);
				out.println(
						messages.getMessage("backup.cli.done",
								new Object[] { written.toString(), manifest.rows("articles"), manifest.rows("comments"),
										manifest.rows("follows"), manifest.files().size(), manifest.totalBytes() },
								locale));
				if (!"local".equals(media.storage())) {
					out.println(messages.getMessage("backup.cli.s3", new Object[] { media.s3().bucket() }, locale));
				}
			}
			else {
				BackupRestorer restorer = new BackupRestorer(properties, context.getBean(MediaProperties.class));
				BackupRestorer.Restored restored = restorer.restore(Path.of(positional.get(0)), force,
						step -> out.println(messages.getMessage("restore.cli.step." + step, null, locale)));
				out.println(messages.getMessage("restore.cli.done",
						new Object[] { restored.manifest().createdAt(), restored.manifest().rows("articles"),
								restored.manifest().rows("comments"), restored.manifest().rows("follows"),
								restored.mediaFiles(), properties.dataDir().toAbsolutePath().normalize().toString() },
						locale));
			}
			return CLEAN;
		}
		catch (BackupException ex) {
			err.println(messages.getMessage(ex.key(), ex.args(), locale));
			return ex.key().equals("backup.error.countsDiffer") || ex.key().equals("backup.error.toolFailed")
					|| ex.key().equals("backup.error.copyMismatch") || ex.key().equals("backup.error.integrity")
							? FAILED : USAGE;
		}
		catch (IOException | SQLException | RuntimeException ex) {
			err.println(messages.getMessage(backup ? "backup.cli.failed" : "restore.cli.failed",
					new Object[] { String.valueOf(ex.getMessage()) }, locale));
			log.debug("{} failed", backup ? "Backup" : "Restore", ex);
			return FAILED;
		}
	}

	static MessageSource messages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

}
