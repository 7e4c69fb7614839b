package io.inkstone.notifications;

import java.time.Duration;
import java.util.Map;

import io.inkstone.support.Databases;
import io.inkstone.support.MailServer;
import io.inkstone.web.ServerSecrets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notifications module alone (with shared and the event registry) on SQLite: a
 * moderation decision's {@link MailNotice} (here a copyright decision's) is mailed only
 * after the deciding transaction commits; one published in a transaction that rolls back
 * sends nothing.
 */
@ApplicationModuleTest(extraIncludes = { "shared", "events" })
class NotificationsModuleTests {

	private static final MailServer MAIL = MailServer.onFreePort().start();

	@DynamicPropertySource
	static void dataDirAndMail(DynamicPropertyRegistry registry) {
		registry.add("inkstone.data-dir", () -> Databases.freshDataDir().toString());
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", MAIL::port);
	}

	@AfterAll
	static void stopMail() {
		MAIL.stop();
	}

	/**
	 * The port accounts implements (accounts depends on notifications, not the other
	 * way): a notice mail carries its address and never asks it.
	 */
	@MockitoBean
	private MailRecipients recipients;

	/** The web module's secrets (only unsubscribe links use them). */
	@MockitoBean
	private ServerSecrets secrets;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private TransactionTemplate transaction;

	private static MailNotice decided(String to, String statement) {
		return MailNotice.of(to, "copyrightDecided", Map.of("ref", "R-1", "name", "", "outcome", "take-down",
				"statement", statement, "link", "http://127.0.0.1/reports/R-1"));
	}

	@Test
	void aDecisionThatRollsBackSendsNoMailAndACommittedOneDoes(PublishedEvents published) {
		String to = "claimant-" + System.nanoTime() + "@inkstone.test";
		this.transaction.executeWithoutResult((status) -> {
			this.events.publishEvent(decided(to, "rolled back"));
			status.setRollbackOnly();
		});
		this.transaction.executeWithoutResult((status) -> this.events.publishEvent(decided(to, "committed")));
		assertThat(published.ofType(MailNotice.class).matching((notice) -> to.equals(notice.to()))).hasSize(2);
		assertThat(MAIL.awaitMails(to, 1, Duration.ofSeconds(20))).singleElement()
			.satisfies((text) -> assertThat(text).contains("committed"))
			.satisfies((text) -> assertThat(text).doesNotContain("rolled back"));
	}

}
