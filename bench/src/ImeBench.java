import org.gongkai.ime.PinyinInput;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The touchscreen keyboard's pinyin input (issue 15.2), in process: how long the dictionary takes to read, how much
 * heap it keeps, and how long one lookup takes as a citizen types words letter by letter.
 * Usage: java -cp target/gongkai.jar:classes ImeBench [ROUNDS]
 */
public class ImeBench {
    static final String[] TYPED = {"zhengfu", "gongkai", "yanglaobaoxian", "zhengfuxinxigongkai", "lisi", "wangwu",
            "zhangsan", "renminlu", "shehuijiuzhu", "zuidishenghuobaozhang", "nongcungonglu", "hukou", "jiuye", "canjiren",
            "z", "s", "x", "shi", "yi", "lv"};

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        long before = usedHeap();
        long t0 = System.nanoTime();
        PinyinInput input = PinyinInput.load(java.util.List.of("低保", "医保", "社保", "公积金"));
        long loadMs = (System.nanoTime() - t0) / 1_000_000;
        long kept = usedHeap() - before;
        System.out.printf("dictionary: %d readings, loaded in %d ms, heap kept %.1f MB%n", input.readings(), loadMs, kept / 1e6);

        List<String> keystrokes = new ArrayList<>(); // every prefix, as the letters arrive one by one
        for (String word : TYPED) for (int i = 1; i <= word.length(); i++) keystrokes.add(word.substring(0, i));
        for (String k : keystrokes) input.candidates(k, 40); // warm-up
        long[] micros = new long[keystrokes.size() * rounds];
        int n = 0;
        for (int r = 0; r < rounds; r++) {
            for (String k : keystrokes) {
                long s = System.nanoTime();
                input.candidates(k, 40);
                micros[n++] = (System.nanoTime() - s) / 1000;
            }
        }
        Arrays.sort(micros);
        System.out.printf("lookup of 40 candidates, %d keystrokes x %d rounds: p50 %d us, p99 %d us, max %d us%n",
                keystrokes.size(), rounds, micros[n / 2], micros[(int) (n * 0.99)], micros[n - 1]);
        System.out.println("first candidates: zhengfu " + input.candidates("zhengfu", 5) + ", shi " + input.candidates("shi", 5));
    }

    static long usedHeap() {
        for (int i = 0; i < 3; i++) System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
