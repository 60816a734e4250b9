import { ContentView } from './ContentView';
import { FeedbackForm } from './FeedbackForm';

/** Erklärung zur Barrierefreiheit with the feedback mechanism the BITV 2.0 requires. */
export default function AccessibilityPage() {
  return (
    <ContentView slug="barrierefreiheit">
      <FeedbackForm />
    </ContentView>
  );
}
