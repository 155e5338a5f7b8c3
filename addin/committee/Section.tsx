// Owns a titled section of the committee page, reachable from the in-page links.
import { useId, type ReactNode } from "react";
import { usePageStyles } from "./page-styles";

/** A titled section of the page, reachable from the in-page links. */
export function Section({
  id,
  title,
  aside,
  children,
}: {
  id: string;
  title: string;
  aside?: ReactNode;
  children: ReactNode;
}): ReactNode {
  const styles = usePageStyles();
  const headingId = useId();
  return (
    <section id={id} aria-labelledby={headingId} className={styles.section} data-testid={`section-${id}`}>
      <div className={styles.sectionHead}>
        <h2 id={headingId} className={styles.h2}>
          {title}
        </h2>
        {aside}
      </div>
      {children}
    </section>
  );
}
