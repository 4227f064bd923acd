package dev.collector.strategies.segmentation;

import dev.collector.domain.casework.Case;
import dev.collector.strategies.book.CaseProfile;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the profile segments are tested on from a case and its course. The CRM contract has no
 * product or score field yet; until it has, a CRM sends them as flags, {@code PRODUCT_CARD} and
 * {@code SCORE_640}, which are taken out of the flags here.
 */
public final class CaseProfiles {

    static final String PRODUCT = "PRODUCT_";
    static final String SCORE = "SCORE_";

    private CaseProfiles() {
    }

    public static CaseProfile of(Case aCase, CaseCourse course, LocalDate today) {
        Optional<String> product = Optional.empty();
        Optional<BigDecimal> score = Optional.empty();
        Set<String> flags = new HashSet<>();
        for (String flag : aCase.flags()) {
            if (flag.startsWith(PRODUCT) && flag.length() > PRODUCT.length()) {
                product = Optional.of(flag.substring(PRODUCT.length()));
            } else if (flag.startsWith(SCORE) && flag.substring(SCORE.length()).matches("\\d{1,9}")) {
                score = Optional.of(new BigDecimal(flag.substring(SCORE.length())));
            } else {
                flags.add(flag);
            }
        }
        return new CaseProfile(aCase.caseId(), aCase.daysPastDue(today), aCase.totalDue(), product,
                course.promises(), course.brokenPromises(), score, flags, course.disputed(), course.situation());
    }
}
