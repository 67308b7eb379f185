import { errorMessage } from "../../api/errors";
import type { useFilterString } from "./api";
import styles from "./EffectsPanel.module.css";

/** The live `filter_string` of the form's parameters, as the render will use it. */
export function FilterString({ query }: { query: ReturnType<typeof useFilterString> }) {
  return (
    <div className={styles.filter}>
      <span className={styles.filterLabel}>Filter</span>
      {query.isError ? (
        <p className={styles.muted} data-testid="filter-string-error">
          {errorMessage(query.error)}
        </p>
      ) : (
        <code data-testid="filter-string" aria-busy={query.isFetching}>
          {query.data?.filterString ?? "…"}
        </code>
      )}
    </div>
  );
}
