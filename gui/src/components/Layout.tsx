import { NavLink, Outlet } from "react-router";
import { useSocketState } from "../lib/events/EventsProvider";
import type { SocketState } from "../lib/events/types";
import { assertNever } from "../lib/assertNever";
import { AuthBanner } from "./AuthBanner";
import styles from "./Layout.module.css";

function connectionText(state: SocketState): string {
  switch (state) {
    case "open":
      return "Live";
    case "connecting":
      return "Connecting…";
    case "closed":
      return "Offline — polling";
    default:
      return assertNever(state);
  }
}

function navClass({ isActive }: { isActive: boolean }): string {
  return isActive ? `${styles.navLink} ${styles.active}` : `${styles.navLink}`;
}

export function Layout() {
  const socketState = useSocketState();
  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <span className={styles.brand}>stoat-ferret</span>
        <nav aria-label="Main">
          <ul className={styles.nav}>
            <li>
              <NavLink to="/" end className={navClass}>
                Library
              </NavLink>
            </li>
            <li>
              <NavLink to="/projects" className={navClass}>
                Projects
              </NavLink>
            </li>
            <li>
              <NavLink to="/jobs" className={navClass}>
                Jobs
              </NavLink>
            </li>
            <li>
              <NavLink to="/dashboard" className={navClass}>
                Dashboard
              </NavLink>
            </li>
          </ul>
        </nav>
        <span
          className={styles.connection}
          data-testid="connection-state"
          data-state={socketState}
          title="Live updates from the server (/ws); while offline the pages poll every second."
        >
          <span className={styles.dot} aria-hidden="true" />
          {connectionText(socketState)}
        </span>
      </header>
      <AuthBanner />
      <main className={styles.main}>
        <Outlet />
      </main>
    </div>
  );
}
