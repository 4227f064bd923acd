package dev.collector.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/** A scatter of talk share against abandon rate, one colour per method, one point per scenario. */
final class TalkShareChart {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 600;
    private static final int LEFT = 70;
    private static final int RIGHT = 250;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;
    private static final Color[] COLOURS = {
        new Color(0x888888), new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0x9467bd), new Color(0xd62728)};

    private TalkShareChart() {
    }

    static void write(List<PacingBenchmark.Row> rows, double maxAbandon, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;

        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(new Color(0xdddddd));
        for (int i = 0; i <= 10; i++) {
            int y = TOP + plotHeight - i * plotHeight / 10;
            g.drawLine(LEFT, y, LEFT + plotWidth, y);
        }
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, plotWidth, plotHeight);
        for (int i = 0; i <= 10; i++) {
            int y = TOP + plotHeight - i * plotHeight / 10;
            g.drawString(String.format(Locale.ROOT, "%d %%", i * 10), LEFT - 40, y + 4);
            double abandon = maxAbandon * i / 10;
            int x = LEFT + i * plotWidth / 10;
            g.drawString(String.format(Locale.ROOT, "%.1f %%", abandon * 100), x - 15, TOP + plotHeight + 18);
        }
        g.drawString("abandon rate (clipped at the right edge)", LEFT + plotWidth / 2 - 110, HEIGHT - 20);
        g.drawString("agent talk share", 8, TOP - 15);
        g.setColor(Color.RED);
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        int capX = LEFT + (int) Math.round(0.03 / maxAbandon * plotWidth);
        g.drawLine(capX, TOP, capX, TOP + plotHeight);
        g.drawString("3 % cap", capX + 4, TOP + 14);
        g.setStroke(new BasicStroke(1));

        Map<String, Color> colours = new LinkedHashMap<>();
        for (PacingBenchmark.Row row : rows) {
            Color colour = colours.computeIfAbsent(row.method(), m -> COLOURS[colours.size() % COLOURS.length]);
            double abandon = Math.min(row.result().abandonRate(), maxAbandon);
            int x = LEFT + (int) Math.round(abandon / maxAbandon * plotWidth);
            int y = TOP + plotHeight - (int) Math.round(row.result().talkShare() * plotHeight);
            g.setColor(colour);
            g.fillOval(x - 4, y - 4, 8, 8);
        }
        int legendY = TOP + 10;
        for (Map.Entry<String, Color> entry : colours.entrySet()) {
            g.setColor(entry.getValue());
            g.fillOval(LEFT + plotWidth + 20, legendY - 8, 10, 10);
            g.setColor(Color.BLACK);
            g.drawString(entry.getKey(), LEFT + plotWidth + 36, legendY + 1);
            legendY += 22;
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
