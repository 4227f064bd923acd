package dev.collector.app.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A sample call list such as a bank's CRM would send in the morning: debtors with one to three
 * overdue claims, Czech and Polish numbers, priorities from the CRM's own ranking. Seeded, so
 * every demo run dials the same people.
 */
public final class DemoDebtors {

    private static final String[] FIRST = {"Jana", "Petr", "Eva", "Tomas", "Lucie", "Pavel", "Marta", "Jakub",
            "Anna", "Piotr", "Katarzyna", "Michal", "Zofia", "Marek", "Agnieszka", "Ondrej"};
    private static final String[] LAST = {"Novak", "Svoboda", "Dvorak", "Cerny", "Prochazka", "Kowalski",
            "Nowak", "Wisniewski", "Wojcik", "Kucera", "Vesely", "Horak", "Lewandowski", "Zielinski"};

    /** One debtor's case as the demo CRM submits it. */
    public record DemoCase(String caseId, String debtorId, String name, List<DemoClaim> claims, String phone,
                           String timeZone, String currency, int priority) {
    }

    public record DemoClaim(String claimId, BigDecimal amountDue, LocalDate dueDate) {
    }

    private DemoDebtors() {
    }

    public static List<DemoCase> generate(int count, long seed, LocalDate today) {
        return generate(count, seed, today, "");
    }

    /**
     * @param runTag prefixed to case and debtor ids. The contact history outlives a run (7 quiet
     *               days after a conversation, retries hours later), so a demo started again the
     *               same day calls new debtors rather than finding the old ones rightly resting.
     */
    public static List<DemoCase> generate(int count, long seed, LocalDate today, String runTag) {
        Random random = new Random(seed);
        List<DemoCase> cases = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            boolean polish = random.nextInt(3) == 0;
            String id = String.format("%05d", i);
            List<DemoClaim> claims = new ArrayList<>();
            int claimCount = 1 + random.nextInt(3);
            for (int c = 1; c <= claimCount; c++) {
                BigDecimal amount = BigDecimal.valueOf(50 + random.nextInt(4_950) + random.nextInt(100) / 100.0)
                        .setScale(2, RoundingMode.HALF_UP);
                claims.add(new DemoClaim("CL-" + id + "-" + c, amount, today.minusDays(5 + random.nextInt(175))));
            }
            String phone = polish
                    ? "+48" + (500_000_000 + random.nextInt(299_999_999))
                    : "+420" + (600_000_000 + random.nextInt(199_999_999));
            cases.add(new DemoCase(runTag + "CASE-" + id, runTag + "DEBTOR-" + id,
                    FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)],
                    claims, phone, polish ? "Europe/Warsaw" : "Europe/Prague", polish ? "PLN" : "CZK",
                    1 + random.nextInt(10)));
        }
        return cases;
    }
}
