package dev.collector.crmbridge.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrmClientsTest {

    static final String DIGEST = CrmClients.sha256Hex("s3cret-token");

    @Test
    void aTokenIsKnownByItsDigestAndACertificateByItsCommonName() {
        CrmClients clients = CrmClients.parse(" crm-a:bank-a:token-sha256=" + DIGEST.toUpperCase()
                + ", crm-b:bank-b:cert-cn=crm.bank-b.example ");

        assertThat(clients.byToken("s3cret-token")).map(CrmClient::asCaller).contains(new Caller("crm-a", "bank-a"));
        assertThat(clients.byToken("s3cret-token ")).isEmpty();
        assertThat(clients.byCertificate("crm.bank-b.example")).map(CrmClient::tenantId).contains("bank-b");
        assertThat(clients.byCertificate("crm.bank-a.example")).isEmpty();
        assertThat(clients.anyByCertificate()).isTrue();
    }

    @Test
    void aFileHoldsOneClientPerLineWithComments(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("clients"), "# bank A's CRM\ncrm-a:bank-a:token-sha256=" + DIGEST
                + "\n\ncrm-b:bank-b:cert-cn=CRM B, Inc.\n");

        CrmClients clients = CrmClients.read(file);

        assertThat(clients.all()).extracting(CrmClient::clientId).containsExactly("crm-a", "crm-b");
        assertThat(clients.byCertificate("CRM B, Inc.")).isPresent();
    }

    @Test
    void aTokenPastedWhereItsDigestBelongsIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> CrmClients.parse("crm-a:bank-a:token-sha256=s3cret-token"))
                .hasMessageContaining("64 hexadecimal digits").hasMessageNotContaining("s3cret-token");
        assertThatThrownBy(() -> CrmClients.parse("crm-a:bank-a:token=s3cret-token"))
                .hasMessageContaining("token-sha256=").hasMessageNotContaining("s3cret-token");
        assertThatThrownBy(() -> CrmClients.parse("crm-a:s3cret-token"))
                .hasMessageContaining("client-id:tenant-id:credential").hasMessageNotContaining("s3cret-token");
    }

    @Test
    void aClientIdConfiguredTwiceIsRefused() {
        assertThatThrownBy(() -> CrmClients.parse("crm-a:bank-a:cert-cn=a,crm-a:bank-b:cert-cn=b"))
                .hasMessageContaining("crm-a is configured twice");
    }
}
