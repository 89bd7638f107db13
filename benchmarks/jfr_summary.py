#!/usr/bin/env python3
# Where a JFR recording of a node spends its Java CPU samples: by thread group, by component
# (inclusive) and by top frame. Usage: benchmarks/jfr_summary.py FILE.jfr (needs the JDK's jfr).
import sys, re, subprocess, collections
f = sys.argv[1]
out = subprocess.run(['jfr','print','--events','jdk.ExecutionSample','--stack-depth','96',f],capture_output=True,text=True).stdout
samples = out.split('jdk.ExecutionSample {')[1:]
self_c = collections.Counter(); incl = collections.Counter(); threads = collections.Counter()
cats = [
 ('Ed25519 verify (BouncyCastle)', 'org.bouncycastle.math.ec.rfc8032'),
 ('BLAKE2b', 'Blake2b'),
 ('protobuf decode/encode', 'com.google.protobuf'),
 ('RocksDB (JNI)', 'org.rocksdb'),
 ('Jackson JSON', 'com.fasterxml.jackson'),
 ('Vert.x / HTTP', 'io.vertx'),
 ('Netty', 'io.netty'),
 ('tangle storage', 'org.tanglenode.storage'),
 ('tangle consensus', 'org.tanglenode.consensus'),
 ('tangle gossip', 'org.tanglenode.gossip'),
 ('tangle node ingest', 'org.tanglenode.node.ingest'),
 ('tangle node api', 'org.tanglenode.node.api'),
 ('tangle node events', 'org.tanglenode.node.events'),
 ('tangle protocol', 'org.tanglenode.protocol'),
 ('Micrometer', 'io.micrometer'),
 ('logging', 'ch.qos.logback'),
]
n=0
for s in samples:
    m = re.search(r'sampledThread = "([^"]*)"', s)
    th = m.group(1) if m else '?'
    th = re.sub(r'[-_#\s.]*\d+$','',th)
    frames = re.findall(r'^\s+([\w$.<>]+)\(', s, re.M)
    if not frames: continue
    n+=1
    threads[th]+=1
    self_c[frames[0]]+=1
    seen=set()
    for name,prefix in cats:
        if any(prefix in fr for fr in frames) and name not in seen:
            incl[name]+=1; seen.add(name)
print('samples', n)
print('\nby thread (share of samples):')
for t,c in threads.most_common(12): print(f'  {100*c/n:5.1f}%  {t}')
print('\ninclusive by component (a sample can count in several):')
for t,c in incl.most_common(): print(f'  {100*c/n:5.1f}%  {t}')
print('\ntop self frames:')
for t,c in self_c.most_common(25): print(f'  {100*c/n:5.1f}%  {t}')

# Per thread group: where its samples are, as the innermost project frame (what our code called)
# and the innermost frame (self time). Java samples only; JFR's native samples (RocksDB, fsync,
# a thread parked in the kernel) are counted apart below, by thread, since they say where a thread
# waits or sits in native code rather than where it computes.
by_thread_tangle = collections.defaultdict(collections.Counter)
by_thread_self = collections.defaultdict(collections.Counter)
for s in samples:
    m = re.search(r'sampledThread = "([^"]*)"', s)
    th = re.sub(r'[-_#\s.]*\d+$','',m.group(1) if m else '?')
    frames = re.findall(r'^\s+([\w$.<>]+)\(', s, re.M)
    if not frames: continue
    own = next((fr for fr in frames if fr.startswith('org.tanglenode')), '(no project frame)')
    by_thread_tangle[th][own]+=1
    by_thread_self[th][frames[0]]+=1
print('\nby thread: innermost project frame (self frame), share of the thread\'s samples:')
for t,c in threads.most_common(8):
    print(f'  {t} ({c} samples)')
    for fr,k in by_thread_tangle[t].most_common(8): print(f'    {100*k/c:5.1f}%  {fr}')
    for fr,k in by_thread_self[t].most_common(3): print(f'    self {100*k/c:5.1f}%  {fr}')
nat = subprocess.run(['jfr','print','--events','jdk.NativeMethodSample','--stack-depth','64',f],capture_output=True,text=True).stdout
nsamples = nat.split('jdk.NativeMethodSample {')[1:]
if nsamples:
    nt = collections.defaultdict(collections.Counter)
    for s in nsamples:
        m = re.search(r'sampledThread = "([^"]*)"', s)
        th = re.sub(r'[-_#\s.]*\d+$','',m.group(1) if m else '?')
        frames = re.findall(r'^\s+([\w$.<>]+)\(', s, re.M)
        if not frames: continue
        own = next((fr for fr in frames if fr.startswith('org.tanglenode')), frames[0])
        nt[th][frames[0] + ' <- ' + own]+=1
    print('\nnative samples of the project\'s threads (innermost frame <- innermost project frame):')
    for th in ('storage-writer','ingest-signatures','solidifier','confirmation','coordinator'):
        if th in nt:
            tot=sum(nt[th].values()); print(f'  {th} ({tot} samples)')
            for fr,k in nt[th].most_common(5): print(f'    {100*k/tot:5.1f}%  {fr}')
