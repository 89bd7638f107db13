// Plain Ed25519 verify against verify through Ed25519KeyCache (key already decoded), in one JVM,
// interleaved in rounds of 200 and timed in this thread's CPU time, so that on a loaded shared
// machine being descheduled does not count and both sides see the same load. Run from the root:
//   jshell --class-path benchmarks/target/benchmarks.jar benchmarks/keycache-cpu.jsh
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;
import org.tanglenode.crypto.hash.Blake2b256;
import org.tanglenode.crypto.sign.Ed25519KeyCache;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.crypto.sign.Ed25519Signature;

var threads = ManagementFactory.getThreadMXBean();
var random = new Random(20240101L);
byte[] seed = new byte[Ed25519PrivateKey.SIZE];
random.nextBytes(seed);
var signer = Ed25519PrivateKey.fromSeed(seed);
Ed25519PublicKey key = signer.publicKey();
byte[] transaction = new byte[300];
random.nextBytes(transaction);
byte[] message = Blake2b256.digest(transaction);
Ed25519Signature signature = signer.sign(message);
var cache = new Ed25519KeyCache(1024, 20240101L);

int perRound = 200;
int rounds = 41;
boolean all = true;
for (int i = 0; i < 20_000; i++) {
  all &= key.verify(message, signature);
  all &= cache.verify(key, message, signature);
}

long plainRun(int n) {
  long start = threads.getCurrentThreadCpuTime();
  boolean ok = true;
  for (int i = 0; i < n; i++) ok &= key.verify(message, signature);
  if (!ok) throw new IllegalStateException("plain verify refused");
  return threads.getCurrentThreadCpuTime() - start;
}

long cachedRun(int n) {
  long start = threads.getCurrentThreadCpuTime();
  boolean ok = true;
  for (int i = 0; i < n; i++) ok &= cache.verify(key, message, signature);
  if (!ok) throw new IllegalStateException("cached verify refused");
  return threads.getCurrentThreadCpuTime() - start;
}

double[] plain = new double[rounds];
double[] cached = new double[rounds];
double[] ratio = new double[rounds];
for (int r = 0; r < rounds; r++) {
  // Alternate which goes first, so neither always runs just after the other.
  if (r % 2 == 0) {
    plain[r] = plainRun(perRound) / 1000.0 / perRound;
    cached[r] = cachedRun(perRound) / 1000.0 / perRound;
  } else {
    cached[r] = cachedRun(perRound) / 1000.0 / perRound;
    plain[r] = plainRun(perRound) / 1000.0 / perRound;
  }
  ratio[r] = cached[r] / plain[r];
}

double median(double[] values) {
  double[] sorted = values.clone();
  Arrays.sort(sorted);
  return sorted[sorted.length / 2];
}

System.out.printf(
    "rounds %d x %d verifies each, warm-up ok %s, key cache hits %d misses %d%n",
    rounds, perRound, all, cache.hits(), cache.misses());
System.out.printf("plain verify   median %.1f us CPU (min %.1f)%n", median(plain), Arrays.stream(plain).min().getAsDouble());
System.out.printf("cached verify  median %.1f us CPU (min %.1f)%n", median(cached), Arrays.stream(cached).min().getAsDouble());
System.out.printf("cached / plain: median of per-round ratios %.3f, ratio of medians %.3f%n", median(ratio), median(cached) / median(plain));
/exit
