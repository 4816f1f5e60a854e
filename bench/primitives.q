/ one-million-row timings of primitives this session sped up: node bin/wasq.mjs < bench/primitives.q
/ (each line prints the milliseconds of one run; compare two builds on the same machine)
n:1000000
x:n?100f
j:n?100
s:n?`a`b`c`d
t:([]s;x;j:n?1000)
k:([s:`a`b`c`d] v:1 2 3 4)
e:1800000?3
i:1800000?1000
a:([]b:1000?1f;c:1000?1f)
i[0]:-1
\t string til n
\t ungroup select x by s from t
\t t lj k
\t t ij ([s:`a`b] v:1 2)
\t s like "a*"
\t where e
\t a i
\t floor x
\t neg j
\t abs x
\t prev x
\t ([]j),'([]x)
