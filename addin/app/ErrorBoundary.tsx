// Owns the last line of defence: a rendering bug shows a calm message (notes are already saved locally), not a blank
// pane.
import { Component, type ErrorInfo, type ReactNode } from "react";
import { ErrorNotice } from "../components/ErrorNotice";

interface State {
  readonly error: Error | null;
}

/** Catches render errors below it and offers a reload; the autosave has already kept the notes. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error("Pane crashed", error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.error ? <ErrorNotice onReload={() => window.location.reload()} /> : this.props.children;
  }
}
