package io.inkstone.notifications;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;
import java.util.Locale;
import java.nio.charset.StandardCharsets;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.io.InputStreamReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.inkstone.InkstoneApplication;
import io.inkstone.accounts.Accounts;
import io.inkstone.accounts.Role;
import io.inkstone.creators.CreatorApplication;
import io.inkstone.creators.CreatorApplications;
import io.inkstone.support.Databases;
import io.inkstone.support.MailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notice mails leave only after the deciding transaction commits, from the durable event
 * publication registry: a rolled-back decision sends nothing, a decision commits at once
 * while the SMTP server hangs, and its mail arrives once the server is back — in the same
 * run or after a restart on the same data; a mail whose delivery is redelivered after it
 * went out is not sent twice. No mail is sent inside a database transaction. The decision
 * used is a 申请入驻 rejection, whose mail is a statement of reasons.
 */
public abstract class NoticeMailDeliveryContract {

	/** Extra arguments naming the database (none for SQLite in the data directory). */
	abstract List<String> databaseArguments();

	/**
	 * One entry per message handed to the SMTP client: whether a database transaction was
	 * active then.
	 */
	static final List<Boolean> SENT_IN_TRANSACTION = new CopyOnWriteArrayList<>();

	/** The mail server the application sends to: down until a test starts it. */
	private final MailServer mail = MailServer.onFreePort();

	private final List<AutoCloseable> closeLater = new ArrayList<>();

	@AfterEach
	void closeEverything() throws Exception {
		for (int i = closeLater.size() - 1; i >= 0; i--) {
			closeLater.get(i).close();
		}
	}

	private ConfigurableApplicationContext start(Path dataDir) {
		return start(dataDir, null);
	}

	private ConfigurableApplicationContext start(Path dataDir, BeanPostProcessor extra, String... more) {
		return start(dataDir, extra, true, more);
	}

	/**
	 * {@code shortTimeouts}: SMTP timeouts of 2 s instead of the shipped ones, so a hang
	 * fails fast.
	 */
	private ConfigurableApplicationContext start(Path dataDir, BeanPostProcessor extra, boolean shortTimeouts,
			String... more) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--inkstone.data-dir=" + dataDir));
		args.addAll(mail.springArguments());
		if (shortTimeouts) {
			args.addAll(List.of("--spring.mail.properties.mail.smtp.timeout=2000",
					"--spring.mail.properties.mail.smtp.connectiontimeout=2000"));
		}
		args.addAll(List.of("--inkstone.events.first-retry=1s", "--inkstone.events.max-retry=2s",
				"--inkstone.events.check-every=500ms"));
		args.addAll(databaseArguments());
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(InkstoneApplication.class).initializers(context -> {
			context.getBeanFactory().addBeanPostProcessor(new TransactionProbe());
			if (extra != null) {
				context.getBeanFactory().addBeanPostProcessor(extra);
			}
		}).run(args.toArray(String[]::new));
	}

	@Test
	void aDecisionThatRollsBackSendsNoMail() {
		MailServer smtp = smtp();
		try (ConfigurableApplicationContext app = start(Databases.freshDataDir())) {
			String email = "rollback-" + System.nanoTime() + "@inkstone.test";
			long application = pendingApplication(app, email);
			TransactionTemplate transaction = app.getBean(TransactionTemplate.class);
			transaction.executeWithoutResult(status -> {
				app.getBean(CreatorApplications.class).reject(application, "材料不全");
				status.setRollbackOnly(); // e.g. a later step of the decision failed
			});
			assertThat(app.getBean(CreatorApplications.class).find(application).orElseThrow().pending()).isTrue();
			// the same decision, committed: its mail arrives — and the rolled-back one
			// never did
			app.getBean(CreatorApplications.class).reject(application, "证件照片模糊");
			assertThat(smtp.awaitMails(email, 1, Duration.ofSeconds(20))).singleElement()
				.satisfies(text -> assertThat(text).contains("证件照片模糊"))
				.satisfies(text -> assertThat(text).doesNotContain("材料不全"));
			await().atMost(Duration.ofSeconds(10)).until(() -> incomplete(app) == 0);
		}
		assertThat(SENT_IN_TRANSACTION).isNotEmpty().doesNotContain(true);
	}

	@Test
	void aDecisionCommitsAtOnceWhileTheMailServerHangsAndItsMailArrivesWhenTheServerIsBack() throws IOException {
		HangingServer hanging = new HangingServer(mail.port());
		closeLater.add(hanging);
		try (ConfigurableApplicationContext app = start(Databases.freshDataDir())) {
			String email = "hang-" + System.nanoTime() + "@inkstone.test";
			long application = pendingApplication(app, email);
			long began = System.nanoTime();
			app.getBean(CreatorApplications.class).reject(application, "账号名不符合规范");
			// before, the decision waited for the SMTP server (here: the 2 s read
			// timeout) with the write lock held
			assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofMillis(1500));
			assertThat(app.getBean(CreatorApplications.class).find(application).orElseThrow().status())
				.isEqualTo("rejected");
			// the first attempt times out, the delivery fails and stays stored
			await().atMost(Duration.ofSeconds(20)).until(() -> failed(app) == 1);
			assertThat(hanging.connections()).isPositive();
			assertThat(incomplete(app)).isEqualTo(1);

			hanging.close();
			MailServer smtp = smtp();
			assertThat(smtp.awaitMails(email, 1, Duration.ofSeconds(30)).get(0)).contains("账号名不符合规范");
			await().atMost(Duration.ofSeconds(10)).until(() -> incomplete(app) == 0);
			// delivered once: later retry rounds find nothing
			await().during(Duration.ofSeconds(3))
				.atMost(Duration.ofSeconds(5))
				.until(() -> smtp.textsTo(email).size() == 1);
		}
		assertThat(SENT_IN_TRANSACTION).isNotEmpty().doesNotContain(true);
	}

	@Test
	void aServerThatTakesSecondsToAcceptAMailGetsItOnce() throws IOException {
		// a server that scans a message before its "250" (here 7 s, more than the 5 s
		// after which the mail was given up and sent again)
		SlowServer slow = new SlowServer(mail.port(), Duration.ofSeconds(7));
		closeLater.add(slow);
		try (ConfigurableApplicationContext app = start(Databases.freshDataDir(), null, false)) {
			String email = "slow-" + System.nanoTime() + "@inkstone.test";
			long application = pendingApplication(app, email);
			app.getBean(CreatorApplications.class).reject(application, "慢服务器上的决定");
			await().atMost(Duration.ofSeconds(30)).until(() -> slow.accepted() == 1 && incomplete(app) == 0);
			// no retry round sends it again
			await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> slow.accepted() == 1);
		}
	}

	@Test
	void aMailServerThatIsDownDelaysTheNoticeWhichArrivesOnceTheServerIsBack() {
		MailServer smtp = smtp();
		try (ConfigurableApplicationContext app = start(Databases.freshDataDir())) {
			String email = "down-" + System.nanoTime() + "@inkstone.test";
			long application = pendingApplication(app, email);
			smtp.stop(); // the mail server goes down
			app.getBean(CreatorApplications.class).reject(application, "停机期间的决定");
			assertThat(app.getBean(CreatorApplications.class).find(application).orElseThrow().status())
				.isEqualTo("rejected");
			await().atMost(Duration.ofSeconds(20)).until(() -> failed(app) == 1);
			assertThat(incomplete(app)).isEqualTo(1);

			MailServer back = smtp(); // and comes back on the same port
			assertThat(back.awaitMails(email, 1, Duration.ofSeconds(30)).get(0)).contains("停机期间的决定");
			await().atMost(Duration.ofSeconds(10)).until(() -> incomplete(app) == 0);
			await().during(Duration.ofSeconds(3))
				.atMost(Duration.ofSeconds(5))
				.until(() -> back.textsTo(email).size() == 1);
		}
		assertThat(SENT_IN_TRANSACTION).isNotEmpty().doesNotContain(true);
	}

	@Test
	void aMailIsSentOnceWhenItsDeliveryIsRedeliveredAfterTheSend() {
		MailServer smtp = smtp();
		LostCompletions lost = new LostCompletions();
		try (ConfigurableApplicationContext app = start(Databases.freshDataDir(), lost)) {
			String email = "once-" + System.nanoTime() + "@inkstone.test";
			long application = pendingApplication(app, email);
			app.getBean(CreatorApplications.class).reject(application, "只发一次的决定");
			smtp.awaitMails(email, 1, Duration.ofSeconds(20));
			// the send's completion was lost: the delivery is redelivered, and completes
			// only on its second run (the lost completion is recorded a moment after the
			// mail arrives)
			await().atMost(Duration.ofSeconds(20)).until(() -> lost.count() > 0);
			await().atMost(Duration.ofSeconds(20)).until(() -> incomplete(app) == 0);
			await().during(Duration.ofSeconds(3))
				.atMost(Duration.ofSeconds(5))
				.until(() -> smtp.textsTo(email).size() == 1);
			assertThat(smtp.textsTo(email).get(0)).contains("只发一次的决定");
		}
	}

	@Test
	void aMailThatCouldNotBeSentBeforeARestartIsSentAfterIt() {
		Path dataDir = Databases.freshDataDir();
		String email = "restart-" + System.nanoTime() + "@inkstone.test";
		try (ConfigurableApplicationContext first = start(dataDir)) {
			// no SMTP server at all: connection refused on every attempt
			long application = pendingApplication(first, email);
			first.getBean(CreatorApplications.class).reject(application, "重启前的决定");
			await().atMost(Duration.ofSeconds(10)).until(() -> failed(first) == 1);
		}
		MailServer smtp = smtp();
		try (ConfigurableApplicationContext second = start(dataDir)) {
			assertThat(smtp.awaitMails(email, 1, Duration.ofSeconds(30)).get(0)).contains("重启前的决定");
			await().atMost(Duration.ofSeconds(10)).until(() -> incomplete(second) == 0);
		}
	}

	@Test
	void mailsWrittenOutBeforeTheyBecameTemplatesAreStillSentAfterTheUpgrade() {
		Path dataDir = Databases.freshDataDir();
		String rightsHolder = "holder-" + System.nanoTime() + "@inkstone.test";
		String reader = "reader-" + System.nanoTime() + "@inkstone.test";
		// the schema before the notifications module (its migrations start at
		// 202612040201; Flyway's target must be a migration that exists), with two mails
		// waiting for the SMTP server as that version stored them
		try (ConfigurableApplicationContext before = start(dataDir, null, "--spring.flyway.target=202612030901")) {
			long account = before.getBean(Accounts.class)
				.signUp(reader, "correct-horse-1", "老读者", Role.READER)
				.orElseThrow()
				.accountId();
			JdbcClient jdbc = before.getBean(JdbcClient.class);
			storeOld(jdbc, "accounts.mail-notice", "io.inkstone.accounts.MailNotice",
					"{\"to\":\"" + rightsHolder + "\",\"subject\":\"旧的版权通知\",\"text\":\"升级前写好的正文\"}");
			storeOld(jdbc, "accounts.message-mail", "io.inkstone.accounts.MessageMail", "{\"accountId\":" + account
					+ ",\"kind\":\"APPLICATION\",\"subject\":\"旧的站内通知\",\"text\":\"升级前写好的通知\"}");
		}
		MailServer smtp = smtp();
		try (ConfigurableApplicationContext after = start(dataDir)) {
			await().atMost(Duration.ofSeconds(30))
				.until(() -> smtp.textsTo(rightsHolder).size() == 1 && smtp.textsTo(reader).size() == 1);
			assertThat(smtp.textsTo(rightsHolder).get(0)).contains("升级前写好的正文");
			assertThat(smtp.textsTo(reader).get(0)).contains("升级前写好的通知");
			await().atMost(Duration.ofSeconds(10)).until(() -> incomplete(after) == 0);
		}
	}

	private static void storeOld(JdbcClient jdbc, String listener, String type, String json) {
		jdbc.sql("INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date,"
				+ " status, completion_attempts) VALUES (:id, :listener, :type, :json, :at, 'FAILED', 1)")
			.param("id", UUID.randomUUID().toString())
			.param("listener", listener)
			.param("type", type)
			.param("json", json)
			.param("at", System.currentTimeMillis())
			.update();
	}

	private long pendingApplication(ConfigurableApplicationContext app, String email) {
		long account = app.getBean(Accounts.class)
			.signUp(email, "correct-horse-1", "申请人", Role.READER)
			.orElseThrow()
			.accountId();
		String handle = "h" + Long.toString(System.nanoTime(), 36);
		Map<String, String> errors = app.getBean(CreatorApplications.class)
			.apply(account, new CreatorApplications.Form("个人", "申请人" + handle.substring(handle.length() - 4), handle,
					"", "tech", "微信 inkstone", "", "", true));
		assertThat(errors).isEmpty();
		return app.getBean(CreatorApplications.class)
			.of(account)
			.stream()
			.map(CreatorApplication::id)
			.findFirst()
			.orElseThrow();
	}

	private static long incomplete(ConfigurableApplicationContext app) {
		return app.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM event_publication").query(Long.class).single();
	}

	private static long failed(ConfigurableApplicationContext app) {
		return app.getBean(JdbcClient.class)
			.sql("SELECT COUNT(*) FROM event_publication WHERE status = 'FAILED'")
			.query(Long.class)
			.single();
	}

	/**
	 * Starts the mail server on the port the application sends to (again, after it went
	 * down); it stops after the test.
	 */
	private MailServer smtp() {
		closeLater.add(mail);
		return mail.start();
	}

	/**
	 * Records, for every message the app hands to SMTP, whether a database transaction
	 * was active.
	 */
	static final class TransactionProbe implements BeanPostProcessor {

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (!(bean instanceof JavaMailSender sender)) {
				return bean;
			}
			return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { JavaMailSender.class },
					(proxy, method, args) -> {
						if (method.getName().equals("send")) {
							SENT_IN_TRANSACTION.add(TransactionSynchronizationManager.isActualTransactionActive());
						}
						try {
							return method.invoke(sender, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

	}

	/**
	 * Loses the first completion of every mail delivery, as when the mail went out but
	 * the node stopped (or the database was busy) before the delivery was marked done:
	 * the publication is left failed instead, so the registry redelivers it.
	 */
	static final class LostCompletions implements BeanPostProcessor {

		private final Set<UUID> lost = ConcurrentHashMap.newKeySet();

		int count() {
			return lost.size();
		}

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (!(bean instanceof EventPublicationRepository repository)) {
				return bean;
			}
			return Proxy.newProxyInstance(getClass().getClassLoader(),
					new Class<?>[] { EventPublicationRepository.class }, (proxy, method, args) -> {
						if (method.getName().equals("markCompleted")) {
							Optional<TargetEventPublication> publication = publication(repository, args);
							if (publication.isPresent()
									&& publication.get().getTargetIdentifier().getValue().startsWith("notifications.")
									&& lost.add(publication.get().getIdentifier())) {
								repository.markFailed(publication.get().getIdentifier());
								return null;
							}
						}
						try {
							return method.invoke(repository, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

		private static Optional<TargetEventPublication> publication(EventPublicationRepository repository,
				Object[] args) {
			if (args[0] instanceof TargetEventPublication publication) {
				return Optional.of(publication);
			}
			if (args[0] instanceof UUID id) {
				return repository.findIncompletePublications()
					.stream()
					.filter(p -> p.getIdentifier().equals(id))
					.findFirst();
			}
			return repository.findIncompletePublicationsByEventAndTargetIdentifier(args[0],
					(PublicationTargetIdentifier) args[1]);
		}

	}

	/**
	 * An SMTP port that accepts connections and never answers: the worst kind of mail
	 * server outage.
	 */
	/** A server socket on the loopback port the application sends mail to. */
	static ServerSocket loopbackServer(int port) {
		try {
			ServerSocket server = new ServerSocket();
			server.setReuseAddress(true);
			server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A minimal SMTP server that takes {@code delay} to answer the end of each message,
	 * and counts the messages it accepted.
	 */
	static final class SlowServer implements AutoCloseable {

		private final ServerSocket server;

		private final AtomicInteger accepted = new AtomicInteger();

		SlowServer(int port, Duration delay) {
			server = loopbackServer(port);
			Thread acceptor = new Thread(() -> {
				while (!server.isClosed()) {
					try (Socket socket = server.accept()) {
						converse(socket, delay);
					}
					catch (IOException | InterruptedException ex) {
						// the client gave up or the server closed: next connection
					}
				}
			}, "slow-smtp");
			acceptor.setDaemon(true);
			acceptor.start();
		}

		private void converse(Socket socket, Duration delay) throws IOException, InterruptedException {
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
			reply(out, "220 slow.test ESMTP");
			String line;
			while ((line = in.readLine()) != null) {
				String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
				switch (verb) {
					case "DATA" -> {
						reply(out, "354 go ahead");
						while ((line = in.readLine()) != null && !line.equals(".")) {
							// the message
						}
						TimeUnit.MILLISECONDS.sleep(delay.toMillis()); // scanning the
																		// message
						accepted.incrementAndGet();
						reply(out, "250 queued");
					}
					case "QUIT" -> {
						reply(out, "221 bye");
						return;
					}
					default -> reply(out, "250 ok");
				}
			}
		}

		private static void reply(Writer out, String line) throws IOException {
			out.write(line + "\r\n");
			out.flush();
		}

		int accepted() {
			return accepted.get();
		}

		@Override
		public void close() throws IOException {
			server.close();
		}

	}

	static final class HangingServer implements AutoCloseable {

		private final ServerSocket server;

		private final List<Socket> accepted = new CopyOnWriteArrayList<>();

		HangingServer(int port) {
			server = loopbackServer(port);
			Thread acceptor = new Thread(() -> {
				while (!server.isClosed()) {
					try {
						Socket socket = server.accept();
						accepted.add(socket);
						if (server.isClosed()) {
							socket.close(); // accepted while close() ran: it would stay
											// open
						}
					}
					catch (IOException ex) {
						return;
					}
				}
			}, "hanging-smtp");
			acceptor.setDaemon(true);
			acceptor.start();
		}

		int connections() {
			return accepted.size();
		}

		@Override
		public void close() throws IOException {
			server.close();
			for (Socket socket : accepted) {
				socket.close();
			}
		}

	}

}
