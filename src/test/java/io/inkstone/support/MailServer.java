package io.inkstone.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.test.context.DynamicPropertyRegistry;

import static org.awaitility.Awaitility.await;

/**
 * A real SMTP server in the test JVM (GreenMail on 127.0.0.1) that receives what the
 * application sends. It keeps its port for life: stopped and started again, as the "mail
 * server down, then back" tests do, it listens where the application was told to send,
 * with an empty mailbox.
 *
 * <pre>
 * static final MailServer SMTP = MailServer.smtp().start();
 *
 * &#64;DynamicPropertySource
 * static void properties(DynamicPropertyRegistry registry) {
 * 	SMTP.springProperties(registry);
 * }
 * </pre>
 */
public final class MailServer implements AutoCloseable {

	/**
	 * How long GreenMail may take to start. Its default of 2 s is too short on a loaded
	 * machine, above all for binding a port the previous server has just given up.
	 */
	static final long STARTUP_TIMEOUT_MILLIS = 20_000;

	/** SMTPS loads its key store on start: slower still on a busy machine. */
	static final long SMTPS_STARTUP_TIMEOUT_MILLIS = 30_000;

	private static final String HOST = "127.0.0.1";

	private final boolean smtps;

	private final Map<String, String> users = new LinkedHashMap<>();

	private volatile int port;

	private volatile int smtpsPort;

	private volatile GreenMail greenMail;

	private MailServer(int port, boolean smtps) {
		this.port = port;
		this.smtps = smtps;
	}

	/** Plain SMTP on a port chosen when it first starts. */
	public static MailServer smtp() {
		return new MailServer(0, false);
	}

	/**
	 * Plain SMTP on a free port known before it starts, for an application started while
	 * no mail server listens there yet.
	 */
	public static MailServer onFreePort() {
		return new MailServer(freePort(), false);
	}

	/**
	 * Plain SMTP and SMTPS (GreenMail's self-signed certificate), each on a port chosen
	 * when it first starts.
	 */
	public static MailServer smtpAndSmtps() {
		return new MailServer(0, true);
	}

	/**
	 * A loopback port nothing listens on (now), below the system's ephemeral range: a
	 * server that goes down and comes back on it (the outage tests) must find it free,
	 * and a port from that range can meanwhile become the local end of any outgoing
	 * connection (a database connection of the app under test), which made the restart
	 * fail with "Could not start mail server" under load.
	 */
	public static int freePort() {
		for (int attempt = 0; attempt < 200; attempt++) {
			int candidate = 20_000 + ThreadLocalRandom.current().nextInt(12_000); // 20000-31999
			try (ServerSocket probe = new ServerSocket(candidate, 50, InetAddress.getLoopbackAddress())) {
				return probe.getLocalPort();
			}
			catch (IOException taken) {
				// another test's server: try another
			}
		}
		try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			return probe.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Starts a fresh server (no mail yet) on this server's port. */
	public synchronized MailServer start() {
		if (greenMail != null) {
			throw new IllegalStateException("the mail server already runs on port " + port);
		}
		List<ServerSetup> setups = new ArrayList<>();
		setups.add(setup(port, ServerSetup.PROTOCOL_SMTP, STARTUP_TIMEOUT_MILLIS));
		if (smtps) {
			setups.add(setup(smtpsPort, ServerSetup.PROTOCOL_SMTPS, SMTPS_STARTUP_TIMEOUT_MILLIS));
		}
		GreenMail started = port == 0 ? started(setups) : startedAgain(setups);
		port = started.getSmtp().getPort();
		if (smtps) {
			smtpsPort = started.getSmtps().getPort();
		}
		users.forEach((address, password) -> started.setUser(address, address, password));
		greenMail = started;
		return this;
	}

	private static GreenMail started(List<ServerSetup> setups) {
		GreenMail server = new GreenMail(setups.toArray(ServerSetup[]::new));
		try {
			server.start();
			return server;
		}
		catch (RuntimeException ex) {
			server.stop();
			throw ex;
		}
	}

	/**
	 * A server that comes back on its fixed port: the port can stay refused for a moment
	 * after the server (or a stand-in hanging there) left it, while the kernel lets go of
	 * its last connections, so the start is retried for a few seconds before the test
	 * fails.
	 */
	private static GreenMail startedAgain(List<ServerSetup> setups) {
		GreenMail[] server = new GreenMail[1];
		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(250))
			.ignoreExceptions()
			.until(() -> (server[0] = started(setups)) != null);
		return server[0];
	}

	private static ServerSetup setup(int port, String protocol, long startupTimeout) {
		ServerSetup setup = new ServerSetup(port, HOST, protocol);
		setup.setServerStartupTimeout(startupTimeout);
		return setup;
	}

	/**
	 * A mailbox that signs in with its address and this password (now and after every
	 * restart).
	 */
	public synchronized MailServer user(String address, String password) {
		users.put(address, password);
		if (greenMail != null) {
			greenMail.setUser(address, address, password);
		}
		return this;
	}

	/** Stops the server (the mail server goes down); its port stays this server's. */
	public synchronized void stop() {
		if (greenMail != null) {
			greenMail.stop();
			greenMail = null;
		}
	}

	@Override
	public void close() {
		stop();
	}

	/** The plain SMTP port. */
	public int port() {
		return port;
	}

	/** The SMTPS port. */
	public int smtpsPort() {
		if (!smtps) {
			throw new IllegalStateException("this mail server has no SMTPS");
		}
		return smtpsPort;
	}

	/** Sends the application's mail here ({@code spring.mail.host} and {@code port}). */
	public void springProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> HOST);
		registry.add("spring.mail.port", this::port);
	}

	/**
	 * The same as command-line arguments of an application started in the test (the port
	 * must be known: started, or {@link #onFreePort}).
	 */
	public List<String> springArguments() {
		return List.of("--spring.mail.host=" + HOST, "--spring.mail.port=" + port);
	}

	/** Every message the running server received (none while it is down). */
	public MimeMessage[] received() {
		GreenMail running = greenMail;
		return running == null ? new MimeMessage[0] : running.getReceivedMessages();
	}

	/** The mails addressed to {@code to}, in the order they arrived. */
	public List<Mail> mailsTo(String to) {
		List<Mail> mails = new ArrayList<>();
		for (MimeMessage message : received()) {
			if (addressedTo(message, to)) {
				try {
					mails.add(new Mail(message.getSubject(), text(message)));
				}
				catch (MessagingException | IOException ex) {
					throw new AssertionError(ex);
				}
			}
		}
		return mails;
	}

	private static boolean addressedTo(MimeMessage message, String to) {
		try {
			return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(to));
		}
		catch (MessagingException ex) {
			throw new AssertionError(ex);
		}
	}

	/** The decoded texts of the mails addressed to {@code to}. */
	public List<String> textsTo(String to) {
		return mailsTo(to).stream().map(Mail::text).toList();
	}

	/**
	 * Waits until exactly {@code count} mails were addressed to {@code to}; returns their
	 * texts.
	 */
	public List<String> awaitMails(String to, int count, Duration atMost) {
		return await("%d mails to %s".formatted(count, to)).atMost(atMost)
			.until(() -> textsTo(to), texts -> texts.size() == count);
	}

	/** Waits for the first message addressed to {@code to}. */
	public MimeMessage awaitMessage(String to, Duration atMost) {
		return await("a message to " + to).atMost(atMost)
			.until(() -> Arrays.stream(received()).filter(m -> addressedTo(m, to)).findFirst(),
					found -> found.isPresent())
			.orElseThrow();
	}

	/** Waits for the first mail to {@code to} that {@code which} accepts. */
	public Mail awaitMail(String to, Predicate<Mail> which, Duration atMost) {
		return await("a mail to " + to).atMost(atMost)
			.until(() -> mailsTo(to).stream().filter(which).findFirst(), found -> found.isPresent())
			.orElseThrow();
	}

	/**
	 * The text of a mail: the decoded content of a plain-text mail, otherwise the raw
	 * body without quoted-printable soft line breaks.
	 */
	static String text(MimeMessage message) throws MessagingException, IOException {
		Object content = message.getContent();
		return content instanceof String decoded ? decoded
				: GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
	}

	/** One received mail: its subject and decoded text. */
	public record Mail(String subject, String text) {

		/** Whether the text or the subject contains {@code marker}. */
		public boolean mentions(String marker) {
			return text.contains(marker) || subject.contains(marker);
		}

	}

}
