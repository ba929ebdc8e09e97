/**
 * The part of jStat (npm `jstat`, which ships no types) that the atlas uses: the standard normal
 * and chi-square distributions. Signatures follow jStat's documentation.
 */
declare module 'jstat' {
  interface JStat {
    normal: {
      /** P(X ≤ x) for X ~ N(mean, std). */
      cdf(x: number, mean: number, std: number): number;
      /** The x with P(X ≤ x) = p for X ~ N(mean, std). */
      inv(p: number, mean: number, std: number): number;
    };
    chisquare: {
      /** P(X ≤ x) for X ~ χ²(dof). */
      cdf(x: number, dof: number): number;
    };
  }
  const jStat: JStat;
  export default jStat;
}
